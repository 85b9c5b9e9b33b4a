package dev.virtcpu.analysis.rules;

import dev.virtcpu.xml.XmlElement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A {@code <feature>} naming a feature an earlier one of the same {@code <cpu>} names, with both policies. */
record RepeatedFeature(String name, XmlElement earlier, XmlElement repeated, String earlierPolicy, String policy) {
    /** Every repetition in the CPU, in document order (a missing policy is require, as libvirt reads it). */
    static List<RepeatedFeature> in(XmlElement cpu) {
        Map<String, XmlElement> seen = new HashMap<>();
        List<RepeatedFeature> out = new ArrayList<>();
        for (XmlElement f : cpu.elements("feature")) {
            String name = f.attr("name");
            if (name == null || name.isEmpty()) continue;
            XmlElement earlier = seen.putIfAbsent(name, f);
            if (earlier != null) out.add(new RepeatedFeature(name, earlier, f, policyOf(earlier), policyOf(f)));
        }
        return out;
    }

    boolean samePolicy() {
        return earlierPolicy.equals(policy);
    }

    private static String policyOf(XmlElement feature) {
        return feature.attr("policy") == null ? "require" : feature.attr("policy");
    }
}
