package dev.virtcpu.hosts;

import dev.virtcpu.cpu.CpuDef;
import dev.virtcpu.cpu.CpuFeatureDef;
import dev.virtcpu.cpu.CpuSignature;
import dev.virtcpu.cpu.Mode;
import dev.virtcpu.cpu.Policy;

import java.util.ArrayList;
import java.util.List;

/**
 * A CPU definition as a value: everything it says but where it was written. Two hosts with equal
 * keys are the same CPU to every check, so a host set evaluates each distinct key once.
 */
record CpuKey(CpuDef.Type type, String arch, Mode mode, String match, String check, String migratable,
              String deprecatedFeatures, String model, String fallback, String vendorId, String vendor,
              CpuSignature signature, List<Feature> features, Object rawData) {

    record Feature(String name, Policy policy) {
    }

    static CpuKey of(CpuDef cpu) {
        List<Feature> features = new ArrayList<>(cpu.features.size());
        for (CpuFeatureDef f : cpu.features) features.add(new Feature(f.name(), f.policy()));
        // Raw CPU data has no value equality: such a CPU equals only itself.
        return new CpuKey(cpu.type, cpu.arch, cpu.mode, cpu.match, cpu.check, cpu.migratable, cpu.deprecatedFeatures,
                cpu.model, cpu.fallback, cpu.vendorId, cpu.vendor, cpu.signature, features, cpu.rawData);
    }
}
