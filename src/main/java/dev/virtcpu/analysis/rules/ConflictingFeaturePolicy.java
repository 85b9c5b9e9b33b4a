package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Fix;
import dev.virtcpu.analysis.Severity;

import java.util.List;

/** One feature listed twice with different policies; the second {@code <feature>} is reported. */
public final class ConflictingFeaturePolicy extends Rule {
    public ConflictingFeaturePolicy() {
        super("conflicting-feature-policy", Severity.ERROR, "One feature listed with two different policies.", """
                A feature listed twice with different policies is rejected like any duplicate, and it shows the
                intent is unclear: decide which policy the guest needs and keep only that element.""");
    }

    @Override
    public void check(CpuContext c) {
        for (RepeatedFeature r : RepeatedFeature.in(c.cpu())) {
            if (r.samePolicy()) continue;
            c.report(this, c.valueRange(r.repeated().attribute("name")), "CPU feature '" + r.name() + "' specified more than once"
                    + " (policies " + r.earlierPolicy() + " and " + r.policy() + ")", List.of(new Fix("Remove this <feature>", List.of(c.removeElement(r.repeated())), true, false)));
        }
    }
}
