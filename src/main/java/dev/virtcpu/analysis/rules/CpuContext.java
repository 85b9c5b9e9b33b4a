package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.AnalysisContext;
import dev.virtcpu.analysis.FindingSink;
import dev.virtcpu.analysis.Fix;
import dev.virtcpu.analysis.LineEdits;
import dev.virtcpu.analysis.Ranges;
import dev.virtcpu.analysis.Related;
import dev.virtcpu.analysis.Severity;
import dev.virtcpu.analysis.TextEdit;
import dev.virtcpu.hosts.HostSet;
import dev.virtcpu.model.ArchMap;
import dev.virtcpu.model.Feature;
import dev.virtcpu.model.FeatureSet;
import dev.virtcpu.model.Model;
import dev.virtcpu.xml.XmlAttribute;
import dev.virtcpu.xml.XmlDocument;
import dev.virtcpu.xml.XmlElement;

import java.util.ArrayList;
import java.util.List;

/**
 * What every rule checking one guest {@code <cpu>} needs: the document, the element, the CPU map, the
 * analysis context and host-set evaluation, what the element says (mode, model, features), the
 * finding sink, and helpers to build ranges and fixes. Derived facts are computed once, on first use.
 */
public final class CpuContext {
    /** A {@code <feature>} naming a known feature with a valid policy. */
    public record GuestFeature(XmlElement element, Feature feature, String policy) {
        public boolean wanted() {
            return policy.equals("require") || policy.equals("force");
        }
    }

    private final boolean fixLadders;
    private FixLadder ladder;
    private final XmlDocument document;
    private final XmlElement cpu;
    private final AnalysisContext analysis;
    private final FindingSink sink;
    private final ArchMap map;
    private HostSet.Evaluation evaluation;
    private boolean evaluated;
    private List<GuestFeature> features;
    private boolean unknownFeature;
    private HostFit fit;
    private Boolean mapChecksCompat;

    /** @param fixLadders offer host-set fixes (false while checking a fix: its result is analysed without them) */
    public CpuContext(XmlDocument document, XmlElement cpu, AnalysisContext analysis, FindingSink sink, boolean fixLadders) {
        this.fixLadders = fixLadders;
        this.document = document;
        this.cpu = cpu;
        this.analysis = analysis;
        this.sink = sink;
        this.map = analysis.map().x86();
    }

    // ---- what is analysed -------------------------------------------------------------------

    public XmlDocument document() { return document; }

    public String text() { return document.text(); }

    public XmlElement cpu() { return cpu; }

    public ArchMap map() { return map; }

    public AnalysisContext analysis() { return analysis; }

    /** The host set's evaluation against the map, or null without a host set. */
    public HostSet.Evaluation evaluation() {
        if (!evaluated) {
            evaluation = analysis.evaluation();
            evaluated = true;
        }
        return evaluation;
    }

    /** The hosts whose CPU could be read (empty without a host set). */
    public List<HostSet.HostData> hosts() {
        HostSet.Evaluation e = evaluation();
        return e == null ? List.of() : e.usable();
    }

    public String hostSetName() { return analysis.hostSetName(); }

    /** More than one host and not declared {@code "migratable": false}: guests move between the hosts. */
    public boolean migrationPool() {
        return analysis.migratable() && hosts().size() > 1;
    }

    // ---- what the <cpu> says ------------------------------------------------------------------

    /** The mode attribute, {@code custom} when absent (it may be invalid). */
    public String mode() {
        String m = cpu.attr("mode");
        return m == null ? "custom" : m;
    }

    public boolean isCustom() { return mode().equals("custom"); }

    public boolean modeIsValid() { return CpuValues.MODES.contains(mode()); }

    /** The {@code <model>} text, or null when there is none or it is empty. */
    public String modelName() { return CpuValues.modelName(cpu); }

    /** The model in the map, or null (no model, or an unknown one). */
    public Model model() { return map.model(modelName()); }

    /** A model is named that the map does not know. */
    public boolean modelUnknown() { return modelName() != null && model() == null; }

    /** The {@code <vendor>} text if the map knows that vendor, else null. */
    public String knownVendor() {
        XmlElement v = cpu.element("vendor");
        String name = v == null ? null : v.text();
        return name == null || name.isEmpty() || map.vendor(name) == null ? null : name;
    }

    public boolean isStrict() { return "strict".equals(cpu.attr("match")); }

    /** The mode as the structural checks read it: an invalid mode is reported, then taken as custom. */
    public String parsedMode() {
        String m = CpuValues.valid(cpu, "mode", CpuValues.MODES);
        return m == null ? "custom" : m;
    }

    /** host-passthrough or maximum: the guest gets the host's CPU, models and most features mean nothing. */
    public boolean isPassthrough() {
        return mode().equals("host-passthrough") || mode().equals("maximum");
    }

    /**
     * The model libvirt will use for the structural checks: none in passthrough modes, and the name
     * looked up without surrounding whitespace (the whitespace itself is reported).
     */
    public Model declaredModel() {
        String name = modelName();
        return name == null || isPassthrough() ? null : map.model(name.strip());
    }

    /**
     * The domain's maximum vCPU count: {@code <vcpu>}'s text (its {@code current} is the number
     * started with), 1 without {@code <vcpu>} as in libvirt, null when the text is no count.
     */
    public Long maxVcpus() {
        XmlElement vcpu = vcpuElement();
        if (vcpu == null) return 1L;
        String t = vcpu.text().strip();
        if (!t.matches("[0-9]{1,9}") || t.matches("0+")) return null;
        return Long.parseLong(t);
    }

    /** The domain's {@code <vcpu>} element, or null. */
    public XmlElement vcpuElement() {
        XmlElement domain = cpu.parent();
        return domain == null ? null : domain.element("vcpu");
    }

    /** The vendor a custom CPU asks for: its {@code <vendor>} text, else its model's vendor, else null. */
    public String declaredVendor() {
        XmlElement v = cpu.element("vendor");
        String vendor = v == null ? null : v.text();
        if (vendor != null && !vendor.isEmpty()) return vendor;
        Model m = declaredModel();
        return m != null && m.vendor() != null ? m.vendor().name() : null;
    }

    /** The {@code <feature>} elements with a known name and a valid policy (missing policy: require). */
    public List<GuestFeature> features() {
        if (features == null) {
            features = new ArrayList<>();
            for (XmlElement f : cpu.elements("feature")) {
                Feature feature = map.feature(f.attr("name"));
                String policy = f.attr("policy") == null ? "require" : f.attr("policy");
                if (feature == null) unknownFeature = true;
                if (feature != null && CpuValues.POLICIES.contains(policy)) features.add(new GuestFeature(f, feature, policy));
            }
        }
        return features;
    }

    /** Some {@code <feature>} names a feature the map does not know. */
    public boolean hasUnknownFeature() {
        features();
        return unknownFeature;
    }

    /** Whether this {@code <feature>}'s feature is listed explicitly (any policy). */
    public boolean listsExplicitly(int featureIndex) {
        for (GuestFeature f : features()) {
            if (f.feature().index() == featureIndex) return true;
        }
        return false;
    }

    // ---- the host set ---------------------------------------------------------------------------

    /**
     * Whether host-set rules judge this {@code <cpu>}: a host set with usable hosts, a valid mode, and
     * in custom mode no unknown model (the unknown-model finding comes first).
     */
    public boolean hostChecksApply() {
        if (hosts().isEmpty() || !modeIsValid()) return false;
        return !isCustom() || !modelUnknown();
    }

    /**
     * Whether the map knows {@code <check partial='compat'/>} (libvirt 10.x+): then models without it
     * are checked by QEMU's usability verdict where a host file gives one (spec §4d).
     */
    public boolean mapChecksCompat() {
        if (mapChecksCompat == null) {
            boolean any = false;
            for (Model m : map.models()) any |= m.compatCheck();
            mapChecksCompat = any;
        }
        return mapChecksCompat;
    }

    /**
     * In a migration pool, the features of a model that block live migration (migratable='no' in the
     * map, such as xsaves in GraniteRapids) and are not listed in a {@code <feature>}; empty otherwise.
     */
    public List<Feature> migrationBlockersOf(Model m) {
        List<Feature> out = new ArrayList<>();
        if (m == null || !migrationPool()) return out;
        for (int i = m.data().nextSet(0); i >= 0; i = m.data().nextSet(i + 1)) {
            Feature f = map.feature(i);
            if (!f.migratable() && (m != model() || !listsExplicitly(i))) out.add(f);
        }
        return out;
    }

    /** Which hosts cannot run this CPU and why. */
    public HostFit fit() {
        if (fit == null) fit = HostFit.of(this);
        return fit;
    }

    /**
     * The fixes of a host-set finding: the {@link FixLadder} of this {@code <cpu>} (best first), then
     * {@code specific} ones, each checked by analysing its result; computed when first asked for.
     */
    public List<Fix> hostFixes(List<Fix> specific) {
        return hostFixes(specific, false);
    }

    /** The host set's guest-facing baseline as the only fix (checked like the ladder's rungs). */
    public List<Fix> baselineFixes() {
        if (!fixLadders) return List.of();
        if (ladder == null) ladder = new FixLadder(this, sink.findings);
        return ladder.baselineOnly();
    }

    /** The same, with the finding's own fixes before the ladder (when they are the direct remedy). */
    public List<Fix> hostFixesAfter(List<Fix> own) {
        return hostFixes(own, true);
    }

    private List<Fix> hostFixes(List<Fix> specific, boolean specificFirst) {
        if (!fixLadders) return List.of();
        if (ladder == null) ladder = new FixLadder(this, sink.findings);
        return ladder.with(specific, specificFirst);
    }

    /** The findings of the whole document so far (complete once analysis is done). */
    List<dev.virtcpu.analysis.Finding> findings() {
        return sink.findings;
    }

    /** The guest-facing baseline for this set (without migration blockers in a migration pool), or null. */
    public dev.virtcpu.cpu.CpuDef guestBaseline() {
        HostSet.Evaluation eval = evaluation();
        return eval == null ? null : eval.guestBaseline(migrationPool()).cpu();
    }

    /** Feature names of a set, in map order. */
    public List<String> names(FeatureSet set) {
        List<String> out = new ArrayList<>();
        for (int i = set.nextSet(0); i >= 0; i = set.nextSet(i + 1)) out.add(map.feature(i).name());
        return out;
    }

    // ---- reporting ------------------------------------------------------------------------------

    /** How many findings the document has so far (to tell whether a check reported any). */
    public int findingCount() {
        return sink.mark();
    }

    /**
     * Whether a finding reported now would be listed: past the per-file cap findings are only counted,
     * so a check may skip work that only feeds the listing (did-you-mean candidates, fixes).
     */
    public boolean listsMore() {
        return sink.listsMore();
    }

    public void report(Rule rule, int[] range, String message) {
        sink.add(rule.code(), range, message);
    }

    public void report(Rule rule, int[] range, String message, List<Fix> fixes) {
        sink.add(rule.code(), range, message, fixes);
    }

    public void report(Rule rule, int[] range, String message, List<Related> related, List<Fix> fixes) {
        sink.add(rule.code(), range, message, related, fixes);
    }

    /** A finding of this case's own severity (the rule's kinds differ); a configured severity still wins. */
    public void report(Rule rule, Severity severity, int[] range, String message, List<Fix> fixes) {
        sink.add(rule.code(), severity, range, message, List.of(), fixes);
    }

    /** @param detail Markdown shown when hovering the finding */
    public void report(Rule rule, int[] range, String message, List<Related> related, List<Fix> fixes, String detail) {
        sink.add(rule.code(), range, message, related, fixes, detail);
    }

    // ---- ranges and edits ------------------------------------------------------------------------

    /** The element's name in its start tag. */
    public int[] nameRange(XmlElement e) { return Ranges.name(e); }

    /** The attribute value inside its quotes. */
    public int[] valueRange(XmlAttribute a) { return Ranges.value(a); }

    /** The whole attribute, name to closing quote. */
    public int[] attributeRange(XmlAttribute a) { return Ranges.attribute(a); }

    /** The element's trimmed text, or its name when it has none. */
    public int[] textRange(XmlElement e) { return Ranges.text(e, text()); }

    /** The element's trimmed text when its content is text alone (what a fix may replace), else null. */
    public int[] plainTextRange(XmlElement e) { return Ranges.plainText(e, text()); }

    /** Removes an element (its whole line when it is alone on it). */
    public TextEdit removeElement(XmlElement e) { return LineEdits.removeElement(text(), e); }

    /** Replaces the chars of {@code range} with {@code replacement}. */
    public TextEdit replace(int[] range, String replacement) { return new TextEdit(range[0], range[1], replacement); }

    /** Makes a listed feature {@code policy='disable'} (changing its policy, or adding one). */
    public TextEdit disable(GuestFeature f) {
        XmlAttribute policy = f.element().attribute("policy");
        if (policy != null && policy.value() != null) return replace(valueRange(policy), "disable");
        if (policy != null) return replace(attributeRange(policy), "policy='disable'");
        return new TextEdit(f.element().nameEnd(), f.element().nameEnd(), " policy='disable'");
    }

    /** Inserts {@code <feature policy=… name=…/>} on its own line after the last feature (or the model/vendor). */
    public TextEdit insertFeature(String policy, String name) {
        return insertFeatures(policy, List.of(name));
    }

    /** Inserts one {@code <feature policy=… name=…/>} line per name, indented like its neighbours. */
    public TextEdit insertFeatures(String policy, List<String> names) {
        return insertFeatures(policy, names, java.util.Set.of());
    }

    /** The same, after the last feature (or the model/vendor) that is not among {@code removed}. */
    public TextEdit insertFeatures(String policy, List<String> names, java.util.Set<XmlElement> removed) {
        XmlElement anchor = null;
        for (XmlElement e : cpu.elements()) {
            if (removed.contains(e)) continue;
            if (e.name().equals("feature") || e.name().equals("model") || e.name().equals("vendor")) anchor = e;
        }
        String nl = LineEdits.newline(text());
        String indent = anchor == null ? "" : LineEdits.indentOf(text(), anchor.start());
        StringBuilder sb = new StringBuilder();
        for (String name : names) {
            if (anchor != null || sb.length() > 0) sb.append(nl).append(indent);
            sb.append("<feature policy='").append(policy).append("' name='").append(name).append("'/>");
        }
        int at = anchor == null ? cpu.contentStart() : anchor.end();
        return new TextEdit(at, at, sb.toString());
    }

    /** A fix that only the user applies (never {@code lint --fix}). */
    public static Fix fix(String title, TextEdit... edits) {
        return new Fix(title, List.of(edits), false, false);
    }

    /** Host files to point at: the first few, as the message names them (it gives the full count). */
    static final int RELATED_HOSTS = 10;

    /** Related locations: the hosts' CPU elements, each with a note. */
    public static List<Related> related(List<HostSet.HostData> hosts, String what) {
        List<Related> out = new ArrayList<>();
        for (HostSet.HostData h : hosts.subList(0, Math.min(RELATED_HOSTS, hosts.size()))) {
            out.add(new Related(h.host().file(), h.host().line(), h.host().column(), h.host().name() + ": " + what));
        }
        return out;
    }
}
