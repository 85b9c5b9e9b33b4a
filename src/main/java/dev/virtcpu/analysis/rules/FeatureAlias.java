package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Severity;

/** A QEMU or Linux spelling of a feature; libvirt only accepts its own name. */
public final class FeatureAlias extends Rule {
    public FeatureAlias() {
        super("feature-alias", Severity.ERROR, "A QEMU or Linux spelling of a feature; libvirt only accepts its own name.", """
                The cpu_map records QEMU's and Linux's spellings (pclmulqdq, sse4_1, …) as aliases for syncing with
                QEMU only; libvirt's CPU driver rejects them as unknown features. Write libvirt's name (pclmuldq,
                sse4.1, …); the quick fix renames it.""");
    }
}
