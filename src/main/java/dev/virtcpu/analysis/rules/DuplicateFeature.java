package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Severity;

/** A feature listed twice; libvirt rejects the definition. */
public final class DuplicateFeature extends Rule {
    public DuplicateFeature() {
        super("duplicate-feature", Severity.ERROR, "A feature listed twice; libvirt rejects the definition.", """
                libvirt refuses a <cpu> that names one feature twice ('CPU feature X specified more than once'),
                even with the same policy. Remove one of them; the quick fix removes the second.""");
    }
}
