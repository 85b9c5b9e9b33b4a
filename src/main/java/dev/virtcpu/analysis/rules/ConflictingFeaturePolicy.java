package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Severity;

/** One feature listed with two different policies. */
public final class ConflictingFeaturePolicy extends Rule {
    public ConflictingFeaturePolicy() {
        super("conflicting-feature-policy", Severity.ERROR, "One feature listed with two different policies.", """
                A feature listed twice with different policies is rejected like any duplicate, and it shows the
                intent is unclear: decide which policy the guest needs and keep only that element.""");
    }
}
