package dev.virtcpu.cpu;

import dev.virtcpu.model.CpuMap;

import java.util.List;
import java.util.Set;

/**
 * The QEMU driver's {@code cpu-baseline} ({@code qemuConnectBaselineCPU}): the same baseline as the
 * test driver, then the features QEMU ignores are dropped from an x86 result
 * ({@code virCPUDefCopyModelFilter} with {@code virQEMUCapsCPUFilterFeatures}) before
 * {@code --features} expands it; {@code --migratable} is accepted.
 */
public final class QemuBaseline {
    /**
     * {@code ignoredFeatures} of libvirt 11.3's {@code qemu_capabilities.c} (12.8.0's QEMU driver carries
     * the same names). 7.0 and 9.0 list only the first five; the three {@code vmx-*} features are not
     * in their cpu_map, so this one list gives every release's result.
     */
    public static final Set<String> IGNORED_FEATURES = Set.of("cmt", "mbm_total", "mbm_local", "osxsave", "ospke",
            "vmx-ept-uc", "vmx-ept-wb", "vmx-invvpid-single-context");

    private QemuBaseline() {
    }

    public static CpuDef compute(CpuMap map, List<CpuDef> cpus, boolean expandFeatures, boolean migratable)
            throws LibvirtException {
        boolean x86 = !cpus.isEmpty() && "x86".equals(CpuMap.familyOf(cpus.get(0).arch));
        if (!x86) return Baseline.compute(map, cpus, new Baseline.Options(expandFeatures, migratable));
        CpuDef result = Baseline.compute(map, cpus, new Baseline.Options(false, migratable));
        result.features.removeIf(f -> IGNORED_FEATURES.contains(f.name()));
        if (expandFeatures) Baseline.expand(map.x86(), result);
        return result;
    }
}
