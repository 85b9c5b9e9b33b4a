package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Fix;
import dev.virtcpu.analysis.Severity;
import dev.virtcpu.model.CpuMap;
import dev.virtcpu.model.MapHistory;
import dev.virtcpu.xml.XmlAttribute;
import dev.virtcpu.xml.XmlElement;

import java.util.List;

/** A model or feature the target libvirt release does not know, though another bundled release does. */
public final class UnknownInTarget extends Rule {
    public UnknownInTarget() {
        super("unknown-in-target", Severity.ERROR,
                "A model or feature the target libvirt release does not know; another libvirt release does.", """
                Each libvirt release knows the CPU models and features of its own cpu_map: 9.0.0 knows neither
                SapphireRapids nor the versioned models such as Cascadelake-Server-v5 (libvirt 10.10 and later),
                7.0.0 no amx-bf16, releases before 12.x no YongFeng. A guest that names one the hosts' libvirt does not know fails to start with 'Unknown CPU model' or
                'unknown CPU feature', although the definition is valid for a newer libvirt. The target release comes
                from "libvirt" in .virtcpu.json (per host set or for all) or lint --libvirt; "since" names the first
                of the bundled releases (7.0.0, 9.0.0, 11.3.0, 12.8.0) whose map has it. The quick fix renames a
                versioned model to the name the target gives the same CPU (Haswell-v4 is Haswell-noTSX-IBRS).""");
    }

    @Override
    public void check(CpuContext c) {
        model(c);
        for (XmlElement f : c.cpu().elements("feature")) feature(c, f);
    }

    private void model(CpuContext c) {
        XmlElement m = c.cpu().element("model");
        if (m == null || c.isPassthrough()) return;
        String name = m.text();
        if (!knownElsewhere(c, name, true)) return;
        int[] range = c.textRange(m);
        String equivalent = MapHistory.bundled().equivalentModel(c.map(), name);
        int[] editable = c.plainTextRange(m);
        List<Fix> fixes = equivalent == null || editable == null ? List.of() : List.of(new Fix("Change to '" + equivalent
                + "' (the same CPU in " + target(c.analysis().map()) + ")", List.of(c.replace(editable, equivalent)), true, true));
        c.report(this, range, "CPU model " + name + unknownTo(c, MapHistory.bundled().modelSince(c.map().name(), name))
                + (equivalent == null ? "" : "; " + target(c.analysis().map()) + " calls the same CPU " + equivalent), fixes);
    }

    private void feature(CpuContext c, XmlElement f) {
        XmlAttribute nameAttr = f.attribute("name");
        String name = nameAttr == null ? null : nameAttr.value();
        if (!knownElsewhere(c, name, false)) return;
        int[] range = c.valueRange(nameAttr);
        String equivalent = MapHistory.bundled().equivalentFeature(c.map(), name);
        List<Fix> fixes = equivalent == null ? List.of() : List.of(new Fix("Change to '" + equivalent + "' (the same CPUID bit in "
                + target(c.analysis().map()) + ")", List.of(c.replace(range, equivalent)), true, true));
        c.report(this, range, "CPU feature " + name + unknownTo(c, MapHistory.bundled().featureSince(c.map().name(), name))
                + (equivalent == null ? "" : "; " + target(c.analysis().map()) + " calls the same bit " + equivalent), fixes);
    }

    /**
     * Whether a model (or feature) name is unknown to the map in use but known to a bundled release:
     * then this rule reports it, and unknown-model (unknown-feature) does not.
     */
    static boolean knownElsewhere(CpuContext c, String name, boolean model) {
        if (name == null || name.isEmpty() || !name.equals(name.strip())) return false;
        MapHistory history = MapHistory.bundled();
        if (model) return c.map().model(name) == null && history.modelSince(c.map().name(), name) != null;
        return c.map().feature(name) == null && c.map().featureByAlias(name) == null
                && history.featureSince(c.map().name(), name) != null;
    }

    /** "libvirt 9.0.0", or the CPU map's directory when its release is unknown. */
    static String target(CpuMap map) {
        return map.libvirtVersion() == null ? "the CPU map " + map.source() : "libvirt " + map.libvirtVersion();
    }

    /** " is unknown to libvirt 9.0.0, the target release; it exists since libvirt 11.3.0" and its variants. */
    private static String unknownTo(CpuContext c, String first) {
        CpuMap map = c.analysis().map();
        String release = map.libvirtVersion();
        if (release == null) {
            return " is unknown to the CPU map " + map.source() + "; libvirt " + first + " has it (the first bundled release that does)";
        }
        List<String> versions = MapHistory.bundled().versions();
        boolean older = versions.contains(release) && versions.indexOf(first) < versions.indexOf(release);
        return " is unknown to libvirt " + release + ", the target release; "
                + (older ? "libvirt " + first + " had it" : "it exists since libvirt " + first);
    }
}
