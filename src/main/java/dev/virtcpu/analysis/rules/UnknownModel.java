package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Fix;
import dev.virtcpu.analysis.Severity;
import dev.virtcpu.analysis.Suggestions;
import dev.virtcpu.xml.XmlElement;
import java.util.ArrayList;
import java.util.List;

/** A {@code <model>} the CPU map does not know (or written with surrounding whitespace, which libvirt does not trim). */
public final class UnknownModel extends Rule {
    public UnknownModel() {
        super("unknown-model", Severity.ERROR, "The CPU model is not in libvirt's CPU map; libvirt fails with 'Unknown CPU model' when the VM starts.", """
                libvirt accepts any model name at define time and only looks it up in its cpu_map when the domain
                starts, so a typo or a model from a newer libvirt (versioned -vN names need 10.10 or later) is found
                late, on the host, with 'Unknown CPU model X'. libvirt does not trim the name either. Choose a model the
                map of the libvirt you run knows; the quick fix offers the closest names.""");
    }

    @Override
    public void check(CpuContext c) {
        XmlElement m = c.cpu().element("model");
        if (m == null || c.isPassthrough()) return;
        String name = m.text();
        if (name.isEmpty()) return;
        int[] range = c.textRange(m);
        int[] editable = c.plainTextRange(m);
        if (!name.equals(name.strip())) {
            c.report(this, range, "libvirt does not trim the model name: it looks for '" + name + "' and fails with 'Unknown CPU model'",
                    editable == null ? List.of() : List.of(new Fix("Remove the surrounding whitespace",
                            List.of(c.replace(new int[]{m.contentStart(), m.contentEnd()}, name.strip())), true, true)));
            return;
        }
        if (c.map().model(name) != null || UnknownInTarget.knownElsewhere(c, name, true)) return;
        List<String> close = Suggestions.closest(name, c.map().modelsByName().keySet(), 3);
        List<Fix> fixes = new ArrayList<>();
        for (String s : editable == null ? List.<String>of() : close) {
            fixes.add(new Fix("Change to '" + s + "'", List.of(c.replace(editable, s)), fixes.isEmpty(), close.size() == 1));
        }
        c.report(this, range, "Unknown CPU model " + name + CpuValues.didYouMean(close), fixes);
    }
}
