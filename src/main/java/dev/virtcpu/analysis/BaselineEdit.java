package dev.virtcpu.analysis;

import dev.virtcpu.analysis.rules.CpuValues;
import dev.virtcpu.cpu.CpuDef;
import dev.virtcpu.cpu.CpuFeatureDef;
import dev.virtcpu.cpu.CpuFormatter;
import dev.virtcpu.xml.XmlComment;
import dev.virtcpu.xml.XmlElement;
import dev.virtcpu.xml.XmlNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The edit that replaces the CPU part of a {@code <cpu>} element with a baseline (model, vendor and
 * features, in libvirt's order) and keeps everything the baseline does not decide byte for byte: the
 * start tag of a custom CPU (mode, match, check, …), the model's fallback and vendor_id, topology,
 * cache, maxphysaddr, numa, comments, the features listed as disable, forbid or optional, the
 * indentation and the line endings. Only the bytes of the element change.
 */
public final class BaselineEdit {
    private static final Set<String> REPLACED = Set.of("model", "vendor", "feature", "arch");
    private static final Set<String> KEPT_POLICIES = Set.of("disable", "forbid", "optional");

    private BaselineEdit() {
    }

    public static TextEdit replace(String text, XmlElement cpu, CpuDef baseline) {
        return replace(text, cpu, baseline, Set.of(), Set.of());
    }

    /**
     * @param disableInstead listed features (forbid ones some hosts have) written as {@code disable}
     * @param dropped        listed features left out (a disable the new model makes a no-op)
     */
    public static TextEdit replace(String text, XmlElement cpu, CpuDef baseline, Set<String> disableInstead, Set<String> dropped) {
        String nl = LineEdits.newline(text);
        String base = lineIndent(text, cpu.start());
        String in = base + indentUnit(text, cpu, base);
        List<String> head = new ArrayList<>();
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        List<XmlElement> keptFeatures = new ArrayList<>();
        Set<String> keptNames = new HashSet<>();
        boolean seenElement = false;
        boolean seenNuma = false;
        for (XmlNode n : cpu.children()) {
            if (n instanceof XmlElement e) {
                seenElement = true;
                if (e.name().equals("feature") && e.attr("policy") != null && KEPT_POLICIES.contains(e.attr("policy"))
                        && !dropped.contains(e.attr("name"))) {
                    keptFeatures.add(e);
                    keptNames.add(e.attr("name"));
                }
                if (REPLACED.contains(e.name())) continue;
                if (e.name().equals("numa")) seenNuma = true;
                (seenNuma ? after : before).add(text.substring(e.start(), e.end()));
            } else if (n instanceof XmlComment c) {
                (!seenElement ? head : seenNuma ? after : before).add(text.substring(c.start(), c.end()));
            }
        }
        StringBuilder sb = new StringBuilder(startTag(text, cpu)).append(nl);
        for (String kept : head) sb.append(in).append(kept).append(nl);
        sb.append(in).append(model(cpu, baseline)).append(nl);
        if (baseline.vendor != null) sb.append(in).append("<vendor>").append(CpuFormatter.escape(baseline.vendor)).append("</vendor>").append(nl);
        for (String kept : before) sb.append(in).append(kept).append(nl);
        for (CpuFeatureDef f : baseline.features) {
            if (keptNames.contains(f.name())) continue;
            sb.append(in).append("<feature policy='").append(f.policy() == null ? "require" : f.policy().xml())
                    .append("' name='").append(CpuFormatter.escape(f.name())).append("'/>").append(nl);
        }
        for (XmlElement f : keptFeatures) {
            if (disableInstead.contains(f.attr("name"))) {
                sb.append(in).append("<feature policy='disable' name='").append(CpuFormatter.escape(f.attr("name"))).append("'/>").append(nl);
            } else {
                sb.append(in).append(text, f.start(), f.end()).append(nl);
            }
        }
        for (String kept : after) sb.append(in).append(kept).append(nl);
        sb.append(base).append("</cpu>");
        return new TextEdit(cpu.start(), cpu.end(), sb.toString());
    }

    /** A custom CPU keeps its start tag; any other mode becomes custom (keeping a valid check). */
    private static String startTag(String text, XmlElement cpu) {
        String mode = cpu.attr("mode");
        if ((mode == null || mode.equals("custom")) && !cpu.isSelfClosing() && cpu.startTagEnd() > cpu.start()) {
            return text.substring(cpu.start(), cpu.startTagEnd());
        }
        StringBuilder sb = new StringBuilder("<cpu mode='custom' match='exact'");
        String check = cpu.attr("check");
        if (check != null && CpuValues.CHECKS.contains(check)) sb.append(" check='").append(check).append('\'');
        return sb.append('>').toString();
    }

    /** The model element: the user's fallback and vendor_id where given, else the baseline's fallback. */
    private static String model(XmlElement cpu, CpuDef baseline) {
        XmlElement user = cpu.element("model");
        String fallback = user != null && user.attr("fallback") != null && CpuValues.FALLBACKS.contains(user.attr("fallback")) ? user.attr("fallback")
                : baseline.fallback == null ? "allow" : baseline.fallback;
        StringBuilder sb = new StringBuilder("<model fallback='").append(fallback).append('\'');
        String vendorId = user == null ? null : user.attr("vendor_id");
        if (vendorId != null) sb.append(" vendor_id='").append(CpuFormatter.escape(vendorId)).append('\'');
        return sb.append('>').append(CpuFormatter.escape(baseline.model)).append("</model>").toString();
    }

    /** The whitespace that starts the line holding {@code offset} (the element may share its line). */
    private static String lineIndent(String text, int offset) {
        int ls = offset;
        while (ls > 0 && text.charAt(ls - 1) != '\n' && text.charAt(ls - 1) != '\r') ls--;
        int e = ls;
        while (e < offset && (text.charAt(e) == ' ' || text.charAt(e) == '\t')) e++;
        return text.substring(ls, e);
    }

    /** One level of indentation as the document uses it inside this element (default two spaces). */
    private static String indentUnit(String text, XmlElement cpu, String base) {
        for (XmlElement child : cpu.elements()) {
            String ind = LineEdits.indentOf(text, child.start());
            if (ind.length() > base.length() && ind.startsWith(base)) return ind.substring(base.length());
        }
        if (base.contains("\t")) return "\t";
        return "  ";
    }

    /** A short description of a baseline: "Haswell-noTSX +3 -1". */
    public static String summary(CpuDef baseline) {
        int plus = 0;
        int minus = 0;
        for (CpuFeatureDef f : baseline.features) {
            if (f.policy() == dev.virtcpu.cpu.Policy.DISABLE) minus++;
            else plus++;
        }
        StringBuilder sb = new StringBuilder(baseline.model);
        if (plus > 0) sb.append(" +").append(plus).append(plus == 1 ? " feature" : " features");
        if (minus > 0) sb.append(" -").append(minus).append(" disabled");
        return sb.toString();
    }
}
