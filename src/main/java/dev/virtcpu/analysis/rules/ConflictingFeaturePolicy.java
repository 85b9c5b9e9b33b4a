package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Fix;
import dev.virtcpu.analysis.Severity;
import dev.virtcpu.xml.XmlElement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One feature listed twice with different policies; the second {@code <feature>} is reported. */
public final class ConflictingFeaturePolicy extends Rule {
    public ConflictingFeaturePolicy() {
        super("conflicting-feature-policy", Severity.ERROR, "One feature listed with two different policies.", """
                A feature listed twice with different policies is rejected like any duplicate, and it shows the
                intent is unclear: decide which policy the guest needs and keep only that element.""");
    }

    @Override
    public void check(CpuContext c) {
        Map<String, XmlElement> seen = new HashMap<>();
        for (XmlElement f : c.cpu().elements("feature")) {
            String name = f.attr("name");
            if (name == null || name.isEmpty()) continue;
            XmlElement earlier = seen.putIfAbsent(name, f);
            if (earlier == null) continue;
            String earlierPolicy = earlier.attr("policy") == null ? "require" : earlier.attr("policy");
            String thisPolicy = f.attr("policy") == null ? "require" : f.attr("policy");
            if (earlierPolicy.equals(thisPolicy) == true) continue;
            c.report(this, c.valueRange(f.attribute("name")), "CPU feature '" + name + "' specified more than once"
                    + " (policies " + earlierPolicy + " and " + thisPolicy + ")", List.of(new Fix("Remove this <feature>", List.of(c.removeElement(f)), true, false)));
        }
    }
}
