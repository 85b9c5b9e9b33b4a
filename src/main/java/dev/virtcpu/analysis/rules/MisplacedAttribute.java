package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Severity;

/** An attribute or element libvirt rejects or ignores in this mode. */
public final class MisplacedAttribute extends Rule {
    public MisplacedAttribute() {
        super("misplaced-attribute", Severity.ERROR, "An attribute or element libvirt rejects or ignores in this mode.", """
                Some attributes and elements are only valid in some modes (migratable= only for host-passthrough and
                maximum, cache mode='passthrough' only with them, check= only with a model, <arch> only in host CPU
                descriptions). libvirt rejects or ignores them; move or remove them.""");
    }
}
