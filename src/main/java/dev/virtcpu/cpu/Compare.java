package dev.virtcpu.cpu;

import dev.virtcpu.model.ArchMap;
import dev.virtcpu.model.FeatureSet;

/** libvirt's CPU comparison (virCPUx86Compare / x86Compute) of a CPU against a host CPU. */
public final class Compare {
    public enum Verdict { IDENTICAL, SUPERSET, INCOMPATIBLE }

    /** The verdict and, when incompatible, libvirt's reason. */
    public record Result(Verdict verdict, String reason) {
    }

    private Compare() {
    }

    public static Result compare(ArchMap map, CpuDef host, CpuDef cpu) throws LibvirtException {
        if (host == null || host.model == null) return new Result(Verdict.INCOMPATIBLE, "unknown host CPU");
        if (cpu.arch != null && !cpu.arch.equals("x86_64") && !cpu.arch.equals("i686")) {
            return new Result(Verdict.INCOMPATIBLE, "CPU arch " + cpu.arch + " does not match host arch");
        }
        if (cpu.vendor != null && (host.vendor == null || !host.vendor.equals(cpu.vendor))) {
            return new Result(Verdict.INCOMPATIBLE, "host CPU vendor does not match required CPU vendor " + cpu.vendor);
        }
        FeatureSet hostData = X86Models.fromCpu(map, host, null);
        FeatureSet force = X86Models.fromCpu(map, cpu, Policy.FORCE);
        FeatureSet require = X86Models.fromCpu(map, cpu, Policy.REQUIRE);
        FeatureSet optional = X86Models.fromCpu(map, cpu, Policy.OPTIONAL);
        FeatureSet disable = X86Models.fromCpu(map, cpu, Policy.DISABLE);
        FeatureSet forbid = X86Models.fromCpu(map, cpu, Policy.FORBID);
        FeatureSet forbidden = forbid.copy().retainAll(hostData);
        if (!forbidden.isEmpty()) {
            return new Result(Verdict.INCOMPATIBLE, "Host CPU provides forbidden features: " + join(map, forbidden));
        }
        require.removeAll(force).removeAll(optional).removeAll(disable);
        if (!require.isSubsetOf(hostData)) {
            FeatureSet missing = require.copy().removeAll(hostData);
            return new Result(Verdict.INCOMPATIBLE, "Host CPU does not provide required features: " + join(map, missing));
        }
        FeatureSet diff = hostData.copy().removeAll(optional).removeAll(require).removeAll(disable).removeAll(force);
        if (diff.isEmpty()) return new Result(Verdict.IDENTICAL, null);
        if (cpu.type == CpuDef.Type.GUEST && cpu.isStrict()) {
            return new Result(Verdict.INCOMPATIBLE, "Host CPU does not strictly match guest CPU: Extra features: " + join(map, diff));
        }
        return new Result(Verdict.SUPERSET, null);
    }

    private static String join(ArchMap map, FeatureSet set) {
        return String.join(", ", X86Models.names(map, set));
    }
}
