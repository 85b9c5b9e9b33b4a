package dev.virtcpu.analysis;

import dev.virtcpu.analysis.rules.CpuValues;
import dev.virtcpu.analysis.rules.Rule;
import dev.virtcpu.analysis.rules.Rules;
import dev.virtcpu.cpu.CpuFormatter;
import dev.virtcpu.hosts.HostSet;
import dev.virtcpu.model.ArchMap;
import dev.virtcpu.model.Feature;
import dev.virtcpu.model.MapHistory;
import dev.virtcpu.model.Model;
import dev.virtcpu.model.Vendor;
import dev.virtcpu.xml.XmlAttribute;
import dev.virtcpu.xml.XmlDocument;
import dev.virtcpu.xml.XmlElement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Completion and hover at an offset of a domain document. */
public final class Assist {
    private static final Map<String, List<String>> VALUES = Map.ofEntries(
            Map.entry("cpu@mode", CpuValues.MODES), Map.entry("cpu@match", CpuValues.MATCHES),
            Map.entry("cpu@check", CpuValues.CHECKS), Map.entry("cpu@migratable", CpuValues.SWITCH),
            Map.entry("cpu@deprecated_features", CpuValues.SWITCH), Map.entry("model@fallback", CpuValues.FALLBACKS),
            Map.entry("feature@policy", CpuValues.POLICIES), Map.entry("cache@mode", CpuValues.CACHE_MODES),
            Map.entry("cache@level", List.of("1", "2", "3")), Map.entry("maxphysaddr@mode", CpuValues.MAXPHYSADDR_MODES));

    private Assist() {
    }

    public static List<Completion> complete(XmlDocument doc, int offset, AnalysisContext ctx) {
        return complete(doc, offset, ctx, false);
    }

    /**
     * @param lazyDocs leave model documentation out (the client asks for it item by item through
     *                 {@link #documentation}); feature documentation is always left to that call
     */
    public static List<Completion> complete(XmlDocument doc, int offset, AnalysisContext ctx, boolean lazyDocs) {
        List<Completion> out = new ArrayList<>();
        XmlElement e = doc.elementAt(offset);
        if (e == null || !inDomain(e)) return out;
        ArchMap map = ctx.map().x86();
        XmlAttribute attr = attributeAt(e, offset);
        if (attr != null) {
            int s = attr.valueStart();
            int t = attr.valueEnd();
            if (e.name().equals("feature") && attr.name().equals("name")) {
                features(map, ctx, s, t, out);
            } else {
                List<String> values = VALUES.get(e.name() + "@" + attr.name());
                if (values != null) {
                    for (int i = 0; i < values.size(); i++) {
                        out.add(new Completion(values.get(i), Completion.Kind.VALUE, e.name() + " " + attr.name(), null,
                                String.format("%02d", i), s, t, values.get(i), false));
                    }
                }
            }
            return out;
        }
        if (e.startTagEnd() >= 0 && offset >= e.startTagEnd() && (e.endTagStart() < 0 || offset <= e.endTagStart())
                && e.parent() != null && e.parent().name().equals("cpu")) {
            int s = e.contentStart();
            int t = e.endTagStart() >= 0 ? e.endTagStart() : Math.max(offset, textEnd(doc.text(), s));
            if (e.name().equals("model")) models(map, ctx, s, t, out, lazyDocs);
            else if (e.name().equals("vendor")) {
                for (Vendor v : map.vendors()) out.add(new Completion(v.name(), Completion.Kind.VENDOR, "CPU vendor " + v.string(), null, v.name(), s, t, v.name(), false));
            }
            return out;
        }
        if (e.name().equals("domain") && e.startTagEnd() >= 0 && offset >= e.startTagEnd()) cpuSnippet(doc, offset, ctx, out);
        // A start tag being typed directly in <domain> ("<" or "<cp"): the parser sees a new element.
        else if (e.startTagEnd() < 0 && offset <= e.nameEnd() && e.parent() != null && e.parent().name().equals("domain")
                && e.parent().startTagEnd() >= 0) cpuSnippet(doc, offset, ctx, out);
        return out;
    }

    /**
     * Hover at an offset of an analysed document: the model or feature documentation there, then the
     * rationale of each rule with a finding whose range holds the offset (once per rule).
     */
    public static Hover hover(DocumentAnalysis analysis, int offset) {
        Hover docs = hover(analysis.document(), offset, analysis.context());
        StringBuilder sb = new StringBuilder(docs == null ? "" : docs.markdown());
        int start = docs == null ? -1 : docs.start();
        int end = docs == null ? -1 : docs.end();
        java.util.Set<String> explained = new java.util.HashSet<>();
        for (Finding f : analysis.findings()) {
            if (offset < f.start() || offset > f.end()) continue;
            Rule rule = Rules.byCode(f.code());
            boolean explain = rule != null && explained.add(f.code());
            if (!explain && f.detail() == null) continue;
            if (sb.length() > 0) sb.append("\n\n---\n\n");
            if (f.detail() != null) sb.append(f.detail());
            if (explain) {
                if (f.detail() != null) sb.append("\n\n");
                sb.append("**").append(f.code()).append("** (").append(f.severity().label()).append("): ").append(rule.rationale());
            }
            if (start < 0 || f.end() - f.start() < end - start) {
                start = f.start();
                end = f.end();
            }
        }
        return sb.length() == 0 ? null : new Hover(sb.toString(), docs == null ? start : docs.start(), docs == null ? end : docs.end());
    }

    /** The editor's lines above each guest {@code <cpu>}: its x86-64 level, the level needed, the baseline's. */
    public static List<Lens> lenses(DocumentAnalysis analysis) {
        List<Lens> out = new ArrayList<>();
        for (XmlElement cpu : analysis.cpus()) {
            String summary = Levels.summary(analysis.document(), cpu, analysis.context());
            if (summary != null) out.add(new Lens(cpu.nameStart(), cpu.nameEnd(), summary));
        }
        return out;
    }

    public static Hover hover(XmlDocument doc, int offset, AnalysisContext ctx) {
        XmlElement e = doc.elementAt(offset);
        if (e == null) return null;
        if (!inDomain(e)) {
            Hover data = CpuDataHover.hover(doc, e, ctx);
            return data != null ? data : HostModelHover.hover(doc, e, offset, ctx);
        }
        if (e.name().equals("cpu") && e.parent() != null && e.parent().name().equals("domain")
                && offset >= e.nameStart() && offset <= e.nameEnd()) {
            String summary = Levels.summary(doc, e, ctx);
            return summary == null ? null : new Hover("**x86-64 level** of this CPU: " + summary, e.nameStart(), e.nameEnd());
        }
        ArchMap map = ctx.map().x86();
        XmlAttribute attr = attributeAt(e, offset);
        if (attr != null && e.name().equals("feature") && attr.name().equals("name") && attr.value() != null) {
            Feature f = map.feature(attr.value());
            String first = MapHistory.bundled().featureSince(map.name(), attr.value());
            if (f == null && first != null) {
                return new Hover(Docs.elsewhere("feature", attr.value(), first, targetName(ctx)), attr.valueStart(), attr.valueEnd());
            }
            if (f == null) return null;
            return new Hover(Docs.feature(map, f, ctx), attr.valueStart(), attr.valueEnd());
        }
        if (e.name().equals("model") && e.parent() != null && e.parent().name().equals("cpu") && offset >= e.contentStart()
                && offset <= e.contentEnd()) {
            Model m = map.model(e.text().strip());
            int[] r = Ranges.text(e, doc.text());
            String first = MapHistory.bundled().modelSince(map.name(), e.text().strip());
            if (m == null && first != null) return new Hover(Docs.elsewhere("model", e.text().strip(), first, targetName(ctx)), r[0], r[1]);
            if (m == null) return null;
            return new Hover(Docs.model(map, m, ctx), r[0], r[1]);
        }
        return null;
    }

    private static void models(ArchMap map, AnalysisContext ctx, int s, int t, List<Completion> out, boolean lazyDocs) {
        HostSet.Evaluation eval = ctx.evaluation();
        int total = eval == null ? 0 : eval.usable().size();
        for (Model m : map.models()) {
            List<HostSet.HostData> lacking = Docs.hostsLackingModel(m, eval);
            boolean all = total > 0 && lacking.isEmpty();
            String since = Docs.since(MapHistory.bundled().modelSince(map.name(), m.name()));
            String detail = (m.vendor() == null ? "generic" : m.vendor().name())
                    + (total > 0 ? " · runs on " + (total - lacking.size()) + "/" + total + " hosts" : "")
                    + (since == null ? "" : " · " + since);
            String rank = (total == 0 ? "1" : all ? "0" : "2") + String.format("%04d", map.models().size() - m.index());
            out.add(new Completion(m.name(), Completion.Kind.MODEL, detail, lazyDocs ? null : Docs.model(map, m, ctx), rank, s, t,
                    m.name(), false));
        }
    }

    private static void features(ArchMap map, AnalysisContext ctx, int s, int t, List<Completion> out) {
        HostSet.Evaluation eval = ctx.evaluation();
        int total = eval == null ? 0 : eval.usable().size();
        for (Feature f : map.features()) {
            int have = 0;
            if (eval != null) for (HostSet.HostData h : eval.usable()) if (h.has(f.index())) have++;
            String since = Docs.since(MapHistory.bundled().featureSince(map.name(), f.name()));
            String detail = (f.hasLocation() ? f.location() : "feature") + (total > 0 ? " · on " + have + "/" + total + " hosts" : "")
                    + (since == null ? "" : " · " + since);
            String rank = (total == 0 ? "1" : have == total ? "0" : "2") + f.name();
            out.add(new Completion(f.name(), Completion.Kind.FEATURE, detail, null, rank, s, t, f.name(), false));
        }
    }

    /** Documentation of a feature completion, computed on demand (resolve). */
    public static String featureDoc(String name, AnalysisContext ctx) {
        return documentation(Completion.Kind.FEATURE, name, ctx);
    }

    /** Documentation of a model or feature completion item, computed on demand (resolve). */
    public static String documentation(Completion.Kind kind, String name, AnalysisContext ctx) {
        ArchMap map = ctx.map().x86();
        if (kind == Completion.Kind.MODEL) {
            Model m = map.model(name);
            return m == null ? null : Docs.model(map, m, ctx);
        }
        if (kind == Completion.Kind.FEATURE) {
            Feature f = map.feature(name);
            return f == null ? null : Docs.feature(map, f, ctx);
        }
        return null;
    }

    private static void cpuSnippet(XmlDocument doc, int offset, AnalysisContext ctx, List<Completion> out) {
        HostSet.Evaluation eval = ctx.evaluation();
        String text = doc.text();
        int s = offset;
        while (s > 0 && (Character.isLetter(text.charAt(s - 1)) || text.charAt(s - 1) == '<')) {
            s--;
            if (text.charAt(s) == '<') break;
        }
        dev.virtcpu.cpu.CpuDef baseline = eval == null ? null
                : eval.guestBaseline(ctx.migratable() && eval.usable().size() > 1).cpu();
        if (baseline == null) {
            out.add(new Completion("cpu", Completion.Kind.SNIPPET, "custom CPU model", null, "0", s, offset,
                    "<cpu mode='custom' match='exact'>\n  <model fallback='allow'>${1}</model>\n</cpu>", true));
            return;
        }
        String indent = LineEdits.indentOf(text, s);
        String formatted = CpuFormatter.format(baseline, indent, "  ").substring(indent.length()).stripTrailing();
        out.add(new Completion("cpu", Completion.Kind.SNIPPET, "baseline of host set '" + ctx.hostSetName() + "': "
                + BaselineEdit.summary(baseline), "```xml\n" + formatted + "\n```", "0", s, offset,
                formatted.replace("$", "\\$"), true));
    }

    /** "libvirt 9.0.0" or the CPU map's directory. */
    private static String targetName(AnalysisContext ctx) {
        return ctx.map().libvirtVersion() == null ? "the CPU map " + ctx.map().source() : "libvirt " + ctx.map().libvirtVersion();
    }

    private static boolean inDomain(XmlElement e) {
        XmlElement root = e;
        while (root.parent() != null) root = root.parent();
        return root.name().equals("domain");
    }

    private static XmlAttribute attributeAt(XmlElement e, int offset) {
        for (XmlAttribute a : e.attributes()) {
            if (a.value() != null && offset >= a.valueStart() && offset <= a.valueEnd()) return a;
        }
        return null;
    }

    private static int textEnd(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != '<' && text.charAt(i) != '\n') i++;
        return i;
    }
}
