package dev.virtcpu.model;

import dev.virtcpu.xml.XmlDocument;
import dev.virtcpu.xml.XmlElement;
import dev.virtcpu.xml.XmlParser;
import dev.virtcpu.xml.XmlProblem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a libvirt {@code cpu_map} directory following libvirt's rules (cpu_map.c, cpu_x86.c): per
 * arch, the elements placed directly under {@code <arch>} first, then every include (bare or, from
 * 11.x, inside a {@code <group>}) in document order, each file contributing its vendors, then
 * features, then models. The release's own {@link LoaderRules} decide the details.
 */
public final class CpuMapLoader {
    private static final String[] ARCHES = {"x86", "ppc64", "arm"};

    private final Path dir;
    private final LoaderRules rules;

    private CpuMapLoader(Path dir, LoaderRules rules) {
        this.dir = dir;
        this.rules = rules;
    }

    public static CpuMap load(Path dir) throws MapLoadException {
        return load(dir, null);
    }

    /** Loads the map of libvirt {@code libvirtVersion} (null: unknown) with that release's rules. */
    public static CpuMap load(Path dir, String libvirtVersion) throws MapLoadException {
        return load(dir, libvirtVersion, LoaderRules.forVersion(libvirtVersion));
    }

    public static CpuMap load(Path dir, String libvirtVersion, LoaderRules rules) throws MapLoadException {
        CpuMapLoader loader = new CpuMapLoader(dir, rules);
        XmlElement index = loader.read("index.xml");
        Map<String, ArchMap> arches = new LinkedHashMap<>();
        for (String arch : ARCHES) {
            XmlElement archElement = null;
            for (XmlElement a : index.elements("arch")) {
                if (arch.equals(a.attr("name"))) archElement = a;
            }
            if (archElement != null) arches.put(arch, loader.loadArch(arch, archElement));
        }
        if (!arches.containsKey("x86")) {
            throw new MapLoadException(dir.resolve("index.xml") + ": cannot find CPU map for x86 architecture");
        }
        return new CpuMap(libvirtVersion, dir.toString(), arches);
    }

    private ArchMap loadArch(String arch, XmlElement archElement) throws MapLoadException {
        ArchBuilder b = new ArchBuilder(arch, dir, rules);
        b.loadFile(archElement, "index.xml");
        for (XmlElement child : archElement.elements()) {
            if (child.name().equals("include")) {
                include(b, child);
            } else if (rules.groupIncludes() && child.name().equals("group") && child.attr("name") != null) {
                for (XmlElement inc : child.elements("include")) include(b, inc);
            }
        }
        return b.build();
    }

    private void include(ArchBuilder b, XmlElement include) throws MapLoadException {
        String file = include.attr("filename");
        if (file == null) throw new MapLoadException(dir.resolve("index.xml") + ": Missing 'filename' in CPU map include");
        b.loadFile(read(file), file);
    }

    private XmlElement read(String file) throws MapLoadException {
        Path p = dir.resolve(file);
        String text;
        try {
            text = Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MapLoadException("cannot read CPU map file " + p + ": " + e.getMessage());
        }
        XmlDocument doc = XmlParser.parse(text);
        if (!doc.problems().isEmpty()) {
            XmlProblem pr = doc.problems().get(0);
            throw new MapLoadException(p + ":" + (doc.lines().line(pr.start()) + 1) + ": " + pr.message());
        }
        XmlElement root = doc.rootElement();
        if (root == null || !root.name().equals("cpus")) {
            throw new MapLoadException(p + ": expected a <cpus> root element");
        }
        return root;
    }

    /** libvirt bitmap syntax over 0–15: {@code 0-4}, {@code 1,3,5-7}. */
    static int bitmap(String text) {
        int mask = 0;
        for (String part : text.split(",")) {
            part = part.trim();
            int dash = part.indexOf('-');
            int from = Integer.parseInt(dash < 0 ? part : part.substring(0, dash).trim());
            int to = dash < 0 ? from : Integer.parseInt(part.substring(dash + 1).trim());
            if (from < 0 || to > 15 || from > to) throw new NumberFormatException(text);
            for (int i = from; i <= to; i++) mask |= 1 << i;
        }
        return mask;
    }

    /** strtoul with base 16 (7.0's virXPathULongHex): an optional {@code 0x} prefix, always hexadecimal. */
    static long hexNumber(String text, boolean required) {
        if (text == null) {
            if (required) throw new NumberFormatException("missing");
            return 0;
        }
        String t = text.trim();
        if (t.startsWith("0x") || t.startsWith("0X")) t = t.substring(2);
        return Long.parseUnsignedLong(t, 16);
    }

    /** strtoul with base 0: {@code 0x} hex, leading-zero octal, else decimal. */
    static long number(String text, boolean required) {
        if (text == null) {
            if (required) throw new NumberFormatException("missing");
            return 0;
        }
        String t = text.trim();
        if (t.startsWith("0x") || t.startsWith("0X")) return Long.parseUnsignedLong(t.substring(2), 16);
        if (t.length() > 1 && t.startsWith("0")) return Long.parseUnsignedLong(t.substring(1), 8);
        return Long.parseUnsignedLong(t);
    }
}
