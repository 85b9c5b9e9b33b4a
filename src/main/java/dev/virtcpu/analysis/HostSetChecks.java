package dev.virtcpu.analysis;

import dev.virtcpu.hosts.HostSet;
import dev.virtcpu.model.ArchMap;
import dev.virtcpu.model.Feature;
import dev.virtcpu.model.FeatureSet;
import dev.virtcpu.model.Model;
import dev.virtcpu.xml.XmlAttribute;
import dev.virtcpu.xml.XmlElement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a guest {@code <cpu>} against every host of the host set the way libvirt's CPU
 * comparison does (model features, require/force/forbid policies, vendor, strict match), per host
 * and per feature, and names the hosts that cannot run it.
 */
final class HostSetChecks {
    private final String text;
    private final ArchMap map;
    private final AnalysisContext context;
    private final FindingSink sink;

    HostSetChecks(String text, ArchMap map, AnalysisContext context, FindingSink sink) {
        this.text = text;
        this.map = map;
        this.context = context;
        this.sink = sink;
    }

    /** A guest feature element with a known feature and policy. */
    private record Listed(XmlElement element, Feature feature, String policy) {
    }

    void check(XmlElement cpu) {
        HostSet.Evaluation eval = context.evaluation();
        if (eval == null) return;
        List<HostSet.HostData> hosts = eval.usable();
        if (hosts.isEmpty()) return;
        String setName = context.hostSetName();
        Fix baselineFix = baselineFix(cpu, eval);
        String mode = cpu.attr("mode") == null ? "custom" : cpu.attr("mode");
        int[] cpuRange = Ranges.name(cpu);
        if (!mode.equals("custom")) {
            if (!StructureChecks.MODES.contains(mode)) return;
            if (!eval.homogeneous()) {
                sink.add(Codes.HOST_MODEL_HETEROGENEOUS, cpuRange, mode + " on host set '" + setName
                        + "', whose " + hosts.size() + " hosts have different CPUs: the guest CPU depends on where it starts "
                        + "and live migration to a host with fewer features fails" + baselineHint(eval),
                        baselineFix == null ? List.of() : List.of(baselineFix));
            }
            summary(cpu, hosts.size(), hosts.size(), eval);
            return;
        }
        String modelName = StructureChecks.modelName(cpu);
        Model model = modelName == null ? null : map.model(modelName);
        if (modelName != null && model == null) return;
        List<Listed> listed = new ArrayList<>();
        Set<Integer> explicit = new LinkedHashSet<>();
        boolean unknownFeature = false;
        for (XmlElement f : cpu.elements("feature")) {
            Feature feature = map.feature(f.attr("name"));
            String policy = f.attr("policy") == null ? "require" : f.attr("policy");
            if (feature == null || !StructureChecks.POLICIES.contains(policy)) {
                unknownFeature |= feature == null;
                continue;
            }
            listed.add(new Listed(f, feature, policy));
            explicit.add(feature.index());
        }
        boolean strict = "strict".equals(cpu.attr("match"));
        String vendor = cpu.element("vendor") == null ? null : cpu.element("vendor").text();
        Set<HostSet.HostData> failing = new LinkedHashSet<>();

        if (vendor != null && !vendor.isEmpty() && map.vendor(vendor) != null) {
            List<HostSet.HostData> wrong = new ArrayList<>();
            for (HostSet.HostData h : hosts) {
                if (!vendor.equals(h.vendor())) wrong.add(h);
            }
            if (!wrong.isEmpty()) {
                failing.addAll(wrong);
                sink.add(Codes.HOST_VENDOR_MISMATCH, Ranges.text(cpu.element("vendor"), text), "host CPU vendor does not match "
                        + "required CPU vendor " + vendor + " on " + HostNames.count(wrong.size(), hosts.size()) + ": "
                        + HostNames.of(wrong), related(wrong, "vendor " + vendor + " required"), fixes(baselineFix));
            }
        }
        if (model != null) {
            FeatureSet data = model.data();
            for (int i = data.nextSet(0); i >= 0; i = data.nextSet(i + 1)) {
                if (explicit.contains(i)) continue;
                List<HostSet.HostData> lacking = lacking(hosts, i);
                if (lacking.isEmpty()) continue;
                failing.addAll(lacking);
                Feature f = map.feature(i);
                List<Fix> fixes = new ArrayList<>();
                if (baselineFix != null) fixes.add(baselineFix);
                Fix noTsx = noTsxSibling(cpu, model, f, hosts);
                if (noTsx != null) fixes.add(noTsx);
                fixes.add(new Fix("Disable '" + f.name() + "'", List.of(insertFeature(cpu, "disable", f.name())), false, false));
                sink.add(Codes.HOST_MISSING_MODEL_FEATURE, Ranges.text(cpu.element("model"), text), "CPU model " + model.name()
                        + " needs '" + f.name() + "', which " + HostNames.count(lacking.size(), hosts.size()) + " of host set '"
                        + setName + "' lack: " + HostNames.of(lacking), related(lacking, "lacks " + f.name()), fixes);
            }
        }
        for (Listed l : listed) {
            int idx = l.feature().index();
            int[] range = Ranges.value(l.element().attribute("name"));
            switch (l.policy()) {
                case "require", "force" -> {
                    List<HostSet.HostData> lacking = lacking(hosts, idx);
                    if (lacking.isEmpty()) break;
                    boolean forced = l.policy().equals("force");
                    if (!forced) failing.addAll(lacking);
                    List<Fix> fixes = new ArrayList<>();
                    if (baselineFix != null) fixes.add(baselineFix);
                    fixes.add(new Fix("Remove feature '" + l.feature().name() + "'", List.of(LineEdits.removeElement(text, l.element())), false, false));
                    XmlAttribute policyAttr = l.element().attribute("policy");
                    if (policyAttr != null) {
                        int[] pr = Ranges.value(policyAttr);
                        fixes.add(new Fix("Change policy to 'disable'", List.of(new TextEdit(pr[0], pr[1], "disable")), false, false));
                    }
                    sink.add(forced ? Codes.HOST_MISSING_FORCED_FEATURE : Codes.HOST_MISSING_FEATURE, range,
                            (forced ? "forced" : "required") + " feature '" + l.feature().name() + "' is missing on "
                                    + HostNames.count(lacking.size(), hosts.size()) + " of host set '" + setName + "': "
                                    + HostNames.of(lacking), related(lacking, "lacks " + l.feature().name()), fixes);
                }
                case "forbid" -> {
                    List<HostSet.HostData> having = new ArrayList<>();
                    for (HostSet.HostData h : hosts) {
                        if (h.has(idx)) having.add(h);
                    }
                    if (having.isEmpty()) break;
                    failing.addAll(having);
                    sink.add(Codes.HOST_FORBIDDEN_FEATURE, range, "Host CPU provides forbidden feature '" + l.feature().name()
                            + "' on " + HostNames.count(having.size(), hosts.size()) + ": " + HostNames.of(having),
                            related(having, "has " + l.feature().name()), fixes(baselineFix));
                }
                default -> { }
            }
            if (!l.feature().migratable() && context.migratable() && (l.policy().equals("require") || l.policy().equals("force"))
                    && hosts.size() > 1) {
                sink.add(Codes.NOT_MIGRATABLE, range, "'" + l.feature().name() + "' blocks live migration (migratable='no' in "
                        + "libvirt's CPU map), but host set '" + setName + "' is a migration pool", List.of(
                        new Fix("Remove feature '" + l.feature().name() + "'", List.of(LineEdits.removeElement(text, l.element())), false, false)));
            }
        }
        if (strict && model != null && !unknownFeature) {
            strict(cpu, model, listed, hosts, failing, baselineFix);
        }
        summary(cpu, hosts.size() - failing.size(), hosts.size(), eval);
    }

    private void strict(XmlElement cpu, Model model, List<Listed> listed, List<HostSet.HostData> hosts,
                        Set<HostSet.HostData> failing, Fix baselineFix) {
        FeatureSet described = model.data().copy();
        for (Listed l : listed) described.add(l.feature().index());
        Map<String, List<HostSet.HostData>> byExtras = new LinkedHashMap<>();
        for (HostSet.HostData h : hosts) {
            FeatureSet extra = h.data().copy().removeAll(described);
            if (extra.isEmpty()) continue;
            List<String> names = new ArrayList<>();
            for (int i = extra.nextSet(0); i >= 0; i = extra.nextSet(i + 1)) names.add(map.feature(i).name());
            byExtras.computeIfAbsent(String.join(", ", names), k -> new ArrayList<>()).add(h);
        }
        for (Map.Entry<String, List<HostSet.HostData>> e : byExtras.entrySet()) {
            failing.addAll(e.getValue());
            sink.add(Codes.HOST_STRICT_EXTRA, Ranges.attribute(cpu.attribute("match")), "Host CPU does not strictly match guest CPU: "
                    + "Extra features: " + e.getKey() + " on " + HostNames.count(e.getValue().size(), hosts.size()) + ": "
                    + HostNames.of(e.getValue()), related(e.getValue(), "extra features"), fixes(baselineFix));
        }
    }

    /**
     * Microcode and kernel updates removed TSX (hle, rtm) from many hosts; for a model that needs it,
     * the map's -noTSX sibling (Haswell → Haswell-noTSX, Skylake-Server-IBRS →
     * Skylake-Server-noTSX-IBRS) is the usual way out when it runs on the whole set.
     */
    private Fix noTsxSibling(XmlElement cpu, Model model, Feature missing, List<HostSet.HostData> hosts) {
        if (!missing.name().equals("hle") && !missing.name().equals("rtm")) return null;
        String name = model.name();
        String sibling = name.endsWith("-IBRS") ? name.substring(0, name.length() - 5) + "-noTSX-IBRS" : name + "-noTSX";
        Model m = map.model(sibling);
        if (m == null) return null;
        for (HostSet.HostData h : hosts) {
            if (!m.data().isSubsetOf(h.data())) return null;
        }
        int[] range = Ranges.text(cpu.element("model"), text);
        return new Fix("Use " + sibling + " (" + name + " without TSX, runs on every host)",
                List.of(new TextEdit(range[0], range[1], sibling)), false, false);
    }

    private void summary(XmlElement cpu, int ok, int total, HostSet.Evaluation eval) {
        String msg = "runs on " + ok + " of " + total + " host" + (total == 1 ? "" : "s") + " of host set '" + context.hostSetName() + "'";
        if (eval.baseline() != null) msg += "; baseline: " + BaselineEdit.summary(eval.baseline());
        sink.add(Codes.HOST_SUMMARY, Ranges.name(cpu), msg);
    }

    private Fix baselineFix(XmlElement cpu, HostSet.Evaluation eval) {
        if (eval.baseline() == null || !cpu.isClosed() || cpu.startTagEnd() < 0) return null;
        return new Fix("Replace CPU with baseline of host set '" + context.hostSetName() + "' ("
                + BaselineEdit.summary(eval.baseline()) + ")", List.of(BaselineEdit.replace(text, cpu, eval.baseline())), true, true);
    }

    private static String baselineHint(HostSet.Evaluation eval) {
        return eval.baseline() == null ? "" : "; the set's baseline is " + BaselineEdit.summary(eval.baseline());
    }

    private static List<Fix> fixes(Fix f) {
        return f == null ? List.of() : List.of(f);
    }

    private static List<HostSet.HostData> lacking(List<HostSet.HostData> hosts, int feature) {
        List<HostSet.HostData> out = new ArrayList<>();
        for (HostSet.HostData h : hosts) {
            if (!h.has(feature)) out.add(h);
        }
        return out;
    }

    /** Host files to point at: the first few, as the message names them (it gives the full count). */
    private static final int RELATED_HOSTS = 10;

    private static List<Related> related(List<HostSet.HostData> hosts, String what) {
        List<Related> out = new ArrayList<>();
        for (HostSet.HostData h : hosts.subList(0, Math.min(RELATED_HOSTS, hosts.size()))) {
            out.add(new Related(h.host().file(), h.host().line(), h.host().column(), h.host().name() + ": " + what));
        }
        return out;
    }

    /** Inserts {@code <feature policy=… name=…/>} after the last feature (or the model/vendor). */
    private TextEdit insertFeature(XmlElement cpu, String policy, String name) {
        XmlElement anchor = null;
        for (XmlElement e : cpu.elements()) {
            if (e.name().equals("feature") || e.name().equals("model") || e.name().equals("vendor")) anchor = e;
        }
        String nl = LineEdits.newline(text);
        String line = "<feature policy='" + policy + "' name='" + name + "'/>";
        if (anchor == null) return new TextEdit(cpu.contentStart(), cpu.contentStart(), line);
        String indent = LineEdits.indentOf(text, anchor.start());
        return new TextEdit(anchor.end(), anchor.end(), nl + indent + line);
    }

}
