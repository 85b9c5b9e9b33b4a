package dev.virtcpu.analysis;

import dev.virtcpu.cpu.CpuDef;
import dev.virtcpu.cpu.CpuFeatureDef;
import dev.virtcpu.cpu.Policy;
import dev.virtcpu.hosts.HostSet;
import dev.virtcpu.model.ArchMap;
import dev.virtcpu.model.Feature;
import dev.virtcpu.model.FeatureSet;
import dev.virtcpu.model.Model;
import dev.virtcpu.model.OsLevels;
import dev.virtcpu.model.QemuModelExtras;
import dev.virtcpu.model.X86Level;
import dev.virtcpu.model.X86Levels;
import dev.virtcpu.xml.XmlAttribute;
import dev.virtcpu.xml.XmlDocument;
import dev.virtcpu.xml.XmlElement;

/**
 * The x86-64 micro-architecture levels around a guest {@code <cpu>}: the level the definition
 * guarantees, the level its guest needs (configuration, else libosinfo metadata), and the level of
 * the host set's baseline.
 */
public final class Levels {
    /** Namespace of the libosinfo metadata virt-install and virt-manager write. */
    public static final String LIBOSINFO_NAMESPACE = "http://libosinfo.org/xmlns/libvirt/domain/1.0";

    private Levels() {
    }

    /** The level a guest needs and why: {@code minimumLevel} of .virtcpu.json, or its operating system's. */
    public record Requirement(X86Level level, String because) {
    }

    /**
     * The level a {@code <cpu>} guarantees (see {@link #features}); null when it cannot be told.
     */
    public static X86Levels.Reached definition(ArchMap map, XmlElement cpu, HostSet.Evaluation eval) {
        FeatureSet data = features(map, cpu, eval);
        return data == null ? null : X86Levels.reached(map, data);
    }

    /**
     * The features a {@code <cpu>} guarantees its guest: a custom CPU's model as the guest gets it
     * (libvirt's features plus QEMU's for Haswell and Broadwell), plus required and forced features,
     * minus disabled and forbidden ones; for host-model and host-passthrough those of the host with
     * the lowest level. Null when it cannot be told (no known model, or a host CPU mode without hosts).
     */
    public static FeatureSet features(ArchMap map, XmlElement cpu, HostSet.Evaluation eval) {
        String mode = cpu.attr("mode") == null ? "custom" : cpu.attr("mode");
        if (!mode.equals("custom")) return lowestHost(map, eval);
        XmlElement modelElement = cpu.element("model");
        Model model = modelElement == null ? null : map.model(modelElement.text());
        if (model == null) return null;
        FeatureSet data = QemuModelExtras.guestData(map, model);
        for (XmlElement f : cpu.elements("feature")) {
            Feature feature = map.feature(f.attr("name"));
            if (feature == null) continue;
            String policy = f.attr("policy") == null ? "require" : f.attr("policy");
            if (policy.equals("require") || policy.equals("force")) data.add(feature.index());
            else if (policy.equals("disable") || policy.equals("forbid")) data.remove(feature.index());
        }
        return data;
    }

    /** The level of the host set's baseline CPU, or null without one. */
    public static X86Levels.Reached baseline(ArchMap map, HostSet.Evaluation eval) {
        CpuDef b = eval == null ? null : eval.baseline();
        Model model = b == null ? null : map.model(b.model);
        if (model == null) return null;
        FeatureSet data = QemuModelExtras.guestData(map, model);
        for (CpuFeatureDef f : b.features) {
            Feature feature = map.feature(f.name());
            if (feature == null) continue;
            if (f.policy() == Policy.DISABLE || f.policy() == Policy.FORBID) data.remove(feature.index());
            else data.add(feature.index());
        }
        return X86Levels.reached(map, data);
    }

    private static FeatureSet lowestHost(ArchMap map, HostSet.Evaluation eval) {
        if (eval == null) return null;
        FeatureSet lowest = null;
        int lowestRank = Integer.MAX_VALUE;
        for (HostSet.HostData h : eval.usable()) {
            X86Levels.Reached r = X86Levels.reached(map, h.data());
            int rank = r.level() == null ? -1 : r.level().ordinal();
            if (rank < lowestRank) {
                lowest = h.data();
                lowestRank = rank;
            }
        }
        return lowest;
    }

    /**
     * One line about a {@code <cpu>}'s levels: what it guarantees, what the guest needs, and the host
     * set's baseline ("x86-64-v2 · needs x86-64-v2 (RHEL 9) · baseline x86-64-v3"); null when the
     * CPU's level cannot be told.
     */
    public static String summary(XmlDocument doc, XmlElement cpu, AnalysisContext ctx) {
        ArchMap map = ctx.map().x86();
        HostSet.Evaluation eval = ctx.evaluation();
        X86Levels.Reached reached = definition(map, cpu, eval);
        if (reached == null) return null;
        StringBuilder sb = new StringBuilder(reached.label());
        Requirement need = requirement(doc, ctx);
        if (need != null) {
            String who = need.because().startsWith("\"minimumLevel\"") ? "configured" : need.because().replaceFirst(" \\(libosinfo .*", "");
            sb.append(" · needs ").append(need.level().label()).append(" (").append(who).append(')');
        }
        X86Levels.Reached baseline = baseline(map, eval);
        if (baseline != null) sb.append(" · host set '").append(ctx.hostSetName()).append("' baseline ").append(baseline.label());
        return sb.toString();
    }

    /** What the guest needs: the configuration's minimumLevel first, else its libosinfo operating system's. */
    public static Requirement requirement(XmlDocument doc, AnalysisContext ctx) {
        if (ctx.minimumLevel() != null) return new Requirement(ctx.minimumLevel(), "\"minimumLevel\" in .virtcpu.json");
        String os = libosinfoOs(doc);
        OsLevels.Requirement r = OsLevels.forOsId(os);
        return r == null ? null : new Requirement(r.level(), r.os() + " (libosinfo " + os + ")");
    }

    /** {@code /domain/metadata/libosinfo:libosinfo/libosinfo:os/@id}, or null. */
    public static String libosinfoOs(XmlDocument doc) {
        XmlElement root = doc == null ? null : doc.rootElement();
        XmlElement metadata = root == null ? null : root.element("metadata");
        if (metadata == null) return null;
        for (XmlElement e : metadata.elements()) {
            if (!localName(e).equals("libosinfo") || !LIBOSINFO_NAMESPACE.equals(namespace(e))) continue;
            for (XmlElement os : e.elements()) {
                if (localName(os).equals("os") && LIBOSINFO_NAMESPACE.equals(namespace(os)) && os.attr("id") != null) return os.attr("id");
            }
        }
        return null;
    }

    private static String localName(XmlElement e) {
        int colon = e.name().indexOf(':');
        return colon < 0 ? e.name() : e.name().substring(colon + 1);
    }

    /** The namespace of an element's prefix, declared on it or an ancestor. */
    private static String namespace(XmlElement e) {
        int colon = e.name().indexOf(':');
        String attribute = colon < 0 ? "xmlns" : "xmlns:" + e.name().substring(0, colon);
        for (XmlElement x = e; x != null; x = x.parent()) {
            XmlAttribute a = x.attribute(attribute);
            if (a != null) return a.value();
        }
        return null;
    }
}
