package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Fix;
import dev.virtcpu.analysis.Severity;
import dev.virtcpu.analysis.Suggestions;
import dev.virtcpu.xml.XmlAttribute;
import dev.virtcpu.xml.XmlElement;
import java.util.ArrayList;
import java.util.List;

/** A {@code <feature>} name the CPU map does not know (nor as an alias). */
public final class UnknownFeature extends Rule {
    public UnknownFeature() {
        super("unknown-feature", Severity.ERROR, "The feature is not in libvirt's CPU map; libvirt fails with 'unknown CPU feature' when the VM starts.", """
                Feature names are only checked when the domain starts: an unknown name stops the start with
                'unknown CPU feature'. Names come from libvirt's x86_features.xml, which differs between libvirt
                releases. Use a name the map knows; the quick fix offers the closest ones.""");
    }

    @Override
    public void check(CpuContext c) {
        for (XmlElement f : c.cpu().elements("feature")) {
            XmlAttribute nameAttr = f.attribute("name");
            String name = nameAttr == null ? null : nameAttr.value();
            if (name == null || name.isEmpty() || c.map().feature(name) != null || c.map().featureByAlias(name) != null
                    || UnknownInTarget.knownElsewhere(c, name, false)) continue;
            int[] range = c.valueRange(nameAttr);
            List<String> close = c.listsMore() ? Suggestions.closest(name, c.map().featureNames(), 3) : List.of();
            List<Fix> fixes = new ArrayList<>();
            for (String s : close) fixes.add(new Fix("Change to '" + s + "'", List.of(c.replace(range, s)), fixes.isEmpty(), close.size() == 1));
            c.report(this, range, "Unknown CPU feature " + name + CpuValues.didYouMean(close), fixes);
        }
    }
}
