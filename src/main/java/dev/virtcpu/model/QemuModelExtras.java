package dev.virtcpu.model;

import java.util.List;

/**
 * Features of x86-64 levels that QEMU's own definition of a CPU model has and libvirt's cpu_map
 * entry for it omits. libvirt starts QEMU with the model's name ({@code -cpu Haswell,…}), so the
 * guest gets QEMU's definition: libvirt's Haswell and Broadwell families list neither f16c nor
 * abm (LZCNT), QEMU's do (target/i386/cpu.c: CPUID_EXT_F16C, CPUID_EXT3_ABM), and QEMU's
 * docs/system/cpu-models-x86-abi.csv rates them x86-64-v3. Every other model's level is the same
 * from either definition (X86LevelsTest compares all of them with that table).
 */
public final class QemuModelExtras {
    private static final List<String> HASWELL_BROADWELL = List.of("f16c", "abm");

    private QemuModelExtras() {
    }

    /** The level features QEMU adds to libvirt's definition of the model (empty for most). */
    public static List<String> of(String model) {
        if (model == null) return List.of();
        return model.startsWith("Haswell") || model.startsWith("Broadwell") ? HASWELL_BROADWELL : List.of();
    }

    /** The model's feature bits as the guest gets them: libvirt's data plus QEMU's extras. */
    public static FeatureSet guestData(ArchMap map, Model model) {
        FeatureSet data = model.data().copy();
        for (String name : of(model.name())) {
            Feature f = map.feature(name);
            if (f != null) data.add(f.index());
        }
        return data;
    }
}
