package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Severity;

/** A forced {@code <feature>} that some hosts lack. */
public final class HostMissingForcedFeature extends Rule {
    public HostMissingForcedFeature() {
        super("host-missing-forced-feature", Severity.WARNING,
                "A forced feature that some hosts lack: QEMU must emulate it, KVM usually cannot.", """
                policy='force' skips libvirt's host check: the feature is passed to QEMU even where the host lacks it.
                QEMU can emulate some features under TCG, but KVM guests get features from the hardware, so on those
                hosts QEMU either refuses the CPU or the guest sees a feature that does not work. Prefer require (and
                hosts that have it) or disable.""");
    }

    @Override
    public void check(CpuContext c) {
        for (CpuContext.GuestFeature f : c.features()) {
            if (f.policy().equals("force")) HostMissingFeature.report(this, c, f, "forced");
        }
    }
}
