package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Fix;
import dev.virtcpu.analysis.Severity;
import dev.virtcpu.xml.XmlElement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A feature listed twice; the second {@code <feature>} is reported. */
public final class DuplicateFeature extends Rule {
    public DuplicateFeature() {
        super("duplicate-feature", Severity.ERROR, "A feature listed twice; libvirt rejects the definition.", """
                libvirt refuses a <cpu> that names one feature twice ('CPU feature X specified more than once'),
                even with the same policy. Remove one of them; the quick fix removes the second.""");
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
            if (earlierPolicy.equals(thisPolicy) == false) continue;
            c.report(this, c.valueRange(f.attribute("name")), "CPU feature '" + name + "' specified more than once"
                    + "", List.of(new Fix("Remove this <feature>", List.of(c.removeElement(f)), true, true)));
        }
    }
}
