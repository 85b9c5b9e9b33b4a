package dev.virtcpu.hosts;

import dev.virtcpu.cpu.CpuDef;
import dev.virtcpu.cpu.CpuExtractor;
import dev.virtcpu.cpu.CpuFeatureDef;
import dev.virtcpu.cpu.CpuFile;
import dev.virtcpu.cpu.CpuParser;
import dev.virtcpu.cpu.InputException;
import dev.virtcpu.cpu.LibvirtException;
import dev.virtcpu.cpu.cpuid.CpuDataXml;
import dev.virtcpu.xml.XmlDocument;
import dev.virtcpu.xml.XmlElement;
import dev.virtcpu.xml.XmlNode;
import dev.virtcpu.xml.XmlParser;
import dev.virtcpu.xml.XmlProblem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads host description files: {@code virsh capabilities} output, {@code virsh domcapabilities}
 * output (its host-model CPU), bare host {@code <cpu>} elements (several per file allowed), and CPUID
 * dumps (libvirt's CPU data XML; {@code cpuid -1r} output in {@code .cpuid} and {@code .txt} files).
 */
public final class HostFileReader {
    /** Hosts found in one file, and what was wrong with it. */
    public record Result(List<Host> hosts, List<Problem> problems) {
    }

    private HostFileReader() {
    }

    /** @param name the host name to use (null: derived from the file name) */
    public static Result read(Path file, String name) {
        List<Problem> problems = new ArrayList<>();
        String text;
        try {
            text = CpuFile.readText(file, file.toString());
        } catch (InputException e) {
            problems.add(new Problem(file, 0, 0, "host-file-unreadable", e.getMessage()));
            return new Result(List.of(), problems);
        }
        return fromText(file, name, text, problems);
    }

    /** The hosts of a file whose text has been read already. */
    public static Result fromText(Path file, String name, String text) {
        return fromText(file, name, text, new ArrayList<>());
    }

    private static Result fromText(Path file, String name, String text, List<Problem> problems) {
        if (CpuDumps.isCpuidOutput(file, text)) return CpuDumps.fromText(file, name, text, problems);
        return parse(file, name, text, problems);
    }

    public static Result parse(Path file, String name, String text, List<Problem> problems) {
        XmlDocument doc = XmlParser.parse(text);
        for (XmlProblem p : doc.problems()) {
            problems.add(new Problem(file, p.start(), p.end(), "host-file-xml", p.message()));
        }
        if (!doc.problems().isEmpty()) return new Result(List.of(), problems);
        if (CpuDataXml.isCpuData(doc)) return CpuDumps.fromXml(file, name, doc, problems);
        List<Host> hosts = new ArrayList<>();
        String base = name != null ? name : baseName(file);
        String domcapsArch = null;
        ModelUsability usability = null;
        for (XmlElement root : doc.rootElements()) {
            if (!root.name().equals("domainCapabilities")) continue;
            if (root.element("arch") != null) domcapsArch = root.element("arch").text().trim();
            usability = usability(root);
        }
        List<XmlElement> cpus = CpuExtractor.extract(doc.rootElements());
        if (cpus.isEmpty()) {
            problems.add(new Problem(file, 0, Math.min(text.length(), 1), "host-file-no-cpu",
                    "no host CPU found: expected capabilities, domcapabilities (host-model supported='yes') or <cpu> elements"));
        }
        int i = 0;
        for (XmlElement e : cpus) {
            i++;
            String hostName = cpus.size() == 1 ? base : base + "#" + i;
            try {
                CpuDef cpu;
                ModelUsability models = null;
                if (e.name().equals("mode")) {
                    cpu = CpuParser.parse(e, CpuDef.Type.GUEST);
                    cpu.arch = domcapsArch == null ? "x86_64" : domcapsArch;
                    models = usability;
                } else {
                    cpu = CpuParser.parse(e, CpuDef.Type.HOST);
                }
                // A set keeps thousands of hosts: their CPUs must not keep each file's whole document alive.
                cpu.element = null;
                cpu.features.replaceAll(f -> new CpuFeatureDef(f.name(), f.policy(), null));
                hosts.add(new Host(hostName, file, doc.lines().line(e.start()), doc.lines().column(e.start()), cpu, models));
            } catch (LibvirtException ex) {
                XmlNode at = ex.node() != null ? ex.node() : e;
                problems.add(new Problem(file, at.start(), Math.max(at.start() + 1, Math.min(at.end(), at.start() + 200)),
                        "host-cpu-invalid", ex.getMessage()));
            }
        }
        return new Result(hosts, problems);
    }

    /** The custom-mode model list of a domcapabilities document, or null when it has none. */
    private static ModelUsability usability(XmlElement domcaps) {
        for (XmlElement cpu : domcaps.elements("cpu")) {
            for (XmlElement mode : cpu.elements("mode")) {
                if (!"custom".equals(mode.attr("name"))) continue;
                Map<String, String> usable = new LinkedHashMap<>();
                Map<String, List<String>> blockers = new LinkedHashMap<>();
                for (XmlElement m : mode.elements("model")) {
                    if (m.attr("usable") != null) usable.put(m.text().trim(), m.attr("usable"));
                }
                for (XmlElement b : mode.elements("blockers")) {
                    List<String> names = new ArrayList<>();
                    for (XmlElement f : b.elements("feature")) {
                        if (f.attr("name") != null) names.add(f.attr("name"));
                    }
                    if (b.attr("model") != null) blockers.put(b.attr("model"), List.copyOf(names));
                }
                return usable.isEmpty() ? null : new ModelUsability(Map.copyOf(usable), Map.copyOf(blockers));
            }
        }
        return null;
    }

    static String baseName(Path file) {
        String n = file.getFileName().toString();
        for (String ext : new String[]{".xml", ".cpuid", ".txt"}) {
            if (n.endsWith(ext)) return n.substring(0, n.length() - ext.length());
        }
        return n;
    }
}
