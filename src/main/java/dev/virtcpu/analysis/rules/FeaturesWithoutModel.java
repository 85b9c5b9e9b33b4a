package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Severity;

/** {@code <feature>} elements in custom mode without a {@code <model>}. */
public final class FeaturesWithoutModel extends Rule {
    public FeaturesWithoutModel() {
        super("features-without-model", Severity.ERROR, "libvirt rejects <feature> elements in custom mode without a <model>.", """
                In custom mode features modify a model; without <model> libvirt fails with 'Non-empty feature list
                specified without CPU model'. Add a model, or use host-model/host-passthrough if the guest should get
                the host's CPU.""");
    }

    @Override
    public void check(CpuContext c) {
        if (!c.cpu().elements("feature").isEmpty() && c.parsedMode().equals("custom") && c.modelName() == null) {
            c.report(this, c.nameRange(c.cpu()), "Non-empty feature list specified without CPU model");
        }
    }
}
