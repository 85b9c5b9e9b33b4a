package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Severity;

/** An attribute value libvirt rejects. */
public final class InvalidValue extends Rule {
    public InvalidValue() {
        super("invalid-value", Severity.ERROR, "An attribute value libvirt rejects.", """
                libvirt's parser rejects values outside an attribute's enumeration (mode, match, check, fallback,
                feature policy, cache mode and level, topology counts, vendor_id). virsh define fails with the message
                shown. The quick fix offers the closest valid value.""");
    }
}
