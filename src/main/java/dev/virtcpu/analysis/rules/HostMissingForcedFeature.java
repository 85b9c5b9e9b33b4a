package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Severity;

/** A forced {@code <feature>} that some hosts lack. */
public final class HostMissingForcedFeature extends Rule {
    public HostMissingForcedFeature() {
        super("host-missing-forced-feature", Severity.WARNING,
                "A forced feature that some hosts lack: QEMU/KVM can only set the CPUID bit, it cannot emulate the instructions.", """
                policy='force' skips libvirt's host check: the feature is passed to QEMU even where the host lacks it.
                But KVM runs guest instructions on the host CPU: it cannot emulate an instruction set the CPU lacks,
                only set or clear its CPUID bit. QEMU therefore drops the feature on such a host ('host doesn't
                support requested feature'), so the guest runs without it there; forcing the bit anyway (QEMU's
                x-force-features) makes a guest that uses the instructions crash. There is no way to give a KVM guest
                a feature its host lacks: require it and use hosts that have it, or disable it.""");
    }

    @Override
    public void check(CpuContext c) {
        for (CpuContext.GuestFeature f : c.features()) {
            if (f.policy().equals("force") && !NestedVirt.applies(c, f)) {
                HostMissingFeature.report(this, c, f, "forced", ". KVM cannot emulate instructions the host CPU lacks, QEMU can only set "
                        + "or clear the CPUID bit: it drops '" + f.feature().name() + "' there and the guest runs without it (with the bit "
                        + "forced on, a guest that uses the instructions crashes)");
            }
        }
    }
}
