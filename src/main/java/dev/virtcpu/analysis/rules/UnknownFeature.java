package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Severity;

/** The feature is not in libvirt's CPU map; libvirt fails with 'unknown CPU feature' when the VM starts. */
public final class UnknownFeature extends Rule {
    public UnknownFeature() {
        super("unknown-feature", Severity.ERROR, "The feature is not in libvirt's CPU map; libvirt fails with 'unknown CPU feature' when the VM starts.", """
                Feature names are only checked when the domain starts: an unknown name stops the start with
                'unknown CPU feature'. Names come from libvirt's x86_features.xml, which differs between libvirt
                releases. Use a name the map knows; the quick fix offers the closest ones.""");
    }
}
