package dev.virtcpu.analysis;

import dev.virtcpu.analysis.rules.CpuValues;
import dev.virtcpu.cpu.CpuDef;
import dev.virtcpu.cpu.CpuFeatureDef;
import dev.virtcpu.cpu.CpuFormatter;
import dev.virtcpu.xml.XmlComment;
import dev.virtcpu.xml.XmlElement;
import dev.virtcpu.xml.XmlNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The edit that replaces a {@code <cpu>} element with a host set's baseline: model, vendor and
 * features exactly as {@code virsh cpu-baseline} computes them, in libvirt's element order, keeping
 * the element's indentation, its {@code check} attribute and every other child (topology, cache,
 * maxphysaddr, numa, comments) byte for byte. Only the bytes of the element change.
 */
public final class BaselineEdit {
    private static final Set<String> REPLACED = Set.of("model", "vendor", "feature", "arch");

    private BaselineEdit() {
    }

    public static TextEdit replace(String text, XmlElement cpu, CpuDef baseline) {
        String nl = LineEdits.newline(text);
        String base = lineIndent(text, cpu.start());
        String unit = indentUnit(text, cpu, base);
        String in = base + unit;
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        boolean seenNuma = false;
        for (XmlNode n : cpu.children()) {
            if (n instanceof XmlElement e) {
                if (REPLACED.contains(e.name())) continue;
                if (e.name().equals("numa")) seenNuma = true;
                (seenNuma ? after : before).add(text.substring(e.start(), e.end()));
            } else if (n instanceof XmlComment c) {
                (seenNuma ? after : before).add(text.substring(c.start(), c.end()));
            }
        }
        StringBuilder sb = new StringBuilder("<cpu mode='custom' match='exact'");
        String check = cpu.attr("check");
        if (check != null && CpuValues.CHECKS.contains(check)) sb.append(" check='").append(check).append('\'');
        sb.append('>').append(nl);
        sb.append(in).append("<model fallback='").append(baseline.fallback == null ? "allow" : baseline.fallback).append("'>")
                .append(CpuFormatter.escape(baseline.model)).append("</model>").append(nl);
        if (baseline.vendor != null) sb.append(in).append("<vendor>").append(CpuFormatter.escape(baseline.vendor)).append("</vendor>").append(nl);
        for (String kept : before) sb.append(in).append(kept).append(nl);
        for (CpuFeatureDef f : baseline.features) {
            sb.append(in).append("<feature policy='").append(f.policy() == null ? "require" : f.policy().xml())
                    .append("' name='").append(CpuFormatter.escape(f.name())).append("'/>").append(nl);
        }
        for (String kept : after) sb.append(in).append(kept).append(nl);
        sb.append(base).append("</cpu>");
        return new TextEdit(cpu.start(), cpu.end(), sb.toString());
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
