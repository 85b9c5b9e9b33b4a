package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Fix;
import dev.virtcpu.analysis.Severity;

import java.util.List;

/** A feature listed twice; the second {@code <feature>} is reported. */
public final class DuplicateFeature extends Rule {
    public DuplicateFeature() {
        super("duplicate-feature", Severity.ERROR, "A feature listed twice; libvirt rejects the definition.", """
                libvirt refuses a <cpu> that names one feature twice ('CPU feature X specified more than once'),
                even with the same policy. Remove one of them; the quick fix removes the second.""");
    }

    @Override
    public void check(CpuContext c) {
        for (RepeatedFeature r : RepeatedFeature.in(c.cpu())) {
            if (!r.samePolicy()) continue;
            c.report(this, c.valueRange(r.repeated().attribute("name")), "CPU feature '" + r.name() + "' specified more than once",
                    List.of(new Fix("Remove this <feature>", List.of(c.removeElement(r.repeated())), true, true)));
        }
    }
}
