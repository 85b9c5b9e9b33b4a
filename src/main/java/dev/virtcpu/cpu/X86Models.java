package dev.virtcpu.cpu;

import dev.virtcpu.model.ArchMap;
import dev.virtcpu.model.Feature;
import dev.virtcpu.model.FeatureSet;
import dev.virtcpu.model.Model;

import java.util.ArrayList;
import java.util.List;

/** Turning CPU definitions into feature bits and back (libvirt's x86ModelFromCPU, x86FeatureNames). */
public final class X86Models {
    private X86Models() {
    }

    /**
     * The feature bits a CPU definition stands for. {@code policy == null} (libvirt's -1): model data
     * plus force/require features minus disable/forbid ones (optional ignored); otherwise only the
     * features with that policy, plus the model data when it is {@code require}. Host features count
     * as {@code require}.
     */
    public static FeatureSet fromCpu(ArchMap map, CpuDef cpu, Policy policy) throws LibvirtException {
        FeatureSet data = new FeatureSet();
        if (cpu.type == CpuDef.Type.HOST && policy != null && policy != Policy.REQUIRE) return data;
        if (cpu.model != null && (policy == null || policy == Policy.REQUIRE)) {
            Model m = map.model(cpu.model);
            if (m == null) throw new LibvirtException(ErrorClass.INTERNAL, "Unknown CPU model " + cpu.model, modelNode(cpu));
            data.addAll(m.data());
        }
        for (CpuFeatureDef f : cpu.features) {
            Policy fpol = cpu.type == CpuDef.Type.HOST || f.policy() == null ? Policy.REQUIRE : f.policy();
            if ((policy == null && fpol == Policy.OPTIONAL) || (policy != null && fpol != policy)) continue;
            Feature feature = map.feature(f.name());
            if (feature == null) throw new LibvirtException(ErrorClass.INTERNAL, "Unknown CPU feature " + f.name(), f.element());
            if (policy == null) {
                if (fpol == Policy.FORCE || fpol == Policy.REQUIRE) data.add(feature.index());
                else data.remove(feature.index());
            } else {
                data.add(feature.index());
            }
        }
        return data;
    }

    /** Feature names of a set, in map order. */
    public static List<String> names(ArchMap map, FeatureSet set) {
        List<String> out = new ArrayList<>();
        for (int i = set.nextSet(0); i >= 0; i = set.nextSet(i + 1)) {
            if (i < map.features().size()) out.add(map.feature(i).name());
        }
        return out;
    }

    private static dev.virtcpu.xml.XmlNode modelNode(CpuDef cpu) {
        return cpu.element == null ? null : cpu.element.element("model");
    }
}
