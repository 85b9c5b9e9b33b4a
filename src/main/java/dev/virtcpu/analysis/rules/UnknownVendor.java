package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Severity;

/** The vendor is not one of the CPU map's vendors. */
public final class UnknownVendor extends Rule {
    public UnknownVendor() {
        super("unknown-vendor", Severity.ERROR, "The vendor is not one of the CPU map's vendors.", """
                libvirt fails with 'Unknown CPU vendor' when the <vendor> text is not one of the map's vendors
                (Intel, AMD, Hygon, Zhaoxin in current maps). The name is case-sensitive.""");
    }
}
