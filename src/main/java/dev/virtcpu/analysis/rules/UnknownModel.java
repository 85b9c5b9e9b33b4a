package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Severity;

/** The CPU model is not in libvirt's CPU map; libvirt fails with 'Unknown CPU model' when the VM starts. */
public final class UnknownModel extends Rule {
    public UnknownModel() {
        super("unknown-model", Severity.ERROR, "The CPU model is not in libvirt's CPU map; libvirt fails with 'Unknown CPU model' when the VM starts.", """
                libvirt accepts any model name at define time and only looks it up in its cpu_map when the domain
                starts, so a typo or a model from a newer libvirt (versioned -vN names need 10.10 or later) is found
                late, on the host, with 'Unknown CPU model X'. libvirt does not trim the name either. Choose a model the
                map of the libvirt you run knows; the quick fix offers the closest names.""");
    }
}
