package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Severity;

/** A feature policy that has no effect in this CPU mode. */
public final class FeatureNoEffect extends Rule {
    public FeatureNoEffect() {
        super("feature-no-effect", Severity.WARNING, "A feature policy that has no effect in this CPU mode.", """
                Some settings are ignored in some modes: match and <model> in host-passthrough/maximum, require and
                optional features when the guest already gets every host feature. libvirt drops them silently, so the
                definition says something that does not happen. Remove them or change the mode.""");
    }
}
