package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Severity;

/** The host set named for this file does not exist. */
public final class HostSetUnknown extends Rule {
    public HostSetUnknown() {
        super("host-set-unknown", Severity.WARNING, "The host set named for this file does not exist.", """
                The domain (its <virtcpu:hostset> metadata), the command line or the editor names a host set that
                .virtcpu.json does not define, so no host checks run. Define the set or correct the name.""");
    }
}
