package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Fix;
import dev.virtcpu.analysis.Severity;
import dev.virtcpu.analysis.Suggestions;
import dev.virtcpu.model.Vendor;
import dev.virtcpu.xml.XmlElement;
import java.util.ArrayList;
import java.util.List;

/** A {@code <vendor>} that is not one of the CPU map's vendors. */
public final class UnknownVendor extends Rule {
    public UnknownVendor() {
        super("unknown-vendor", Severity.ERROR, "The vendor is not one of the CPU map's vendors.", """
                libvirt fails with 'Unknown CPU vendor' when the <vendor> text is not one of the map's vendors
                (Intel, AMD, Hygon, Zhaoxin in current maps). The name is case-sensitive.""");
    }

    @Override
    public void check(CpuContext c) {
        XmlElement v = c.cpu().element("vendor");
        if (v == null || v.text().isEmpty() || c.map().vendor(v.text()) != null) return;
        String name = v.text();
        int[] range = c.textRange(v);
        List<String> names = new ArrayList<>();
        for (Vendor x : c.map().vendors()) names.add(x.name());
        List<String> close = Suggestions.closest(name, names, 3);
        List<Fix> fixes = new ArrayList<>();
        int[] editable = c.plainTextRange(v);
        for (String s : editable == null ? List.<String>of() : close) {
            fixes.add(new Fix("Change to '" + s + "'", List.of(c.replace(editable, s)), fixes.isEmpty(), close.size() == 1));
        }
        c.report(this, range, "Unknown CPU vendor " + name + CpuValues.didYouMean(close), fixes);
    }
}
