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
 * arch, the elements placed directly under {@code <arch>} first, then every include (bare or inside a
 * {@code <group>}) in document order, each file contributing its vendors, then features, then models.
 */
public final class CpuMapLoader {
    private static final String[] ARCHES = {"x86", "ppc64", "arm"};

    private final Path dir;

    private CpuMapLoader(Path dir) {
        this.dir = dir;
    }

    public static CpuMap load(Path dir) throws MapLoadException {
        return load(dir, null);
    }

    public static CpuMap load(Path dir, String libvirtVersion) throws MapLoadException {
        CpuMapLoader loader = new CpuMapLoader(dir);
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
        ArchBuilder b = new ArchBuilder(arch);
        b.loadFile(archElement, "index.xml");
        for (XmlElement child : archElement.elements()) {
            if (child.name().equals("include")) {
                include(b, child);
            } else if (child.name().equals("group") && child.attr("name") != null) {
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

    private final class ArchBuilder {
        final String arch;
        final List<Vendor> vendors = new ArrayList<>();
        final Map<String, Vendor> vendorsByName = new HashMap<>();
        final List<Feature> features = new ArrayList<>();
        final Map<String, Feature> featuresByName = new HashMap<>();
        final Map<String, Feature> featuresByBit = new HashMap<>();
        final List<Model> models = new ArrayList<>();
        final Map<String, Model> modelsByName = new HashMap<>();
        final Map<String, Boolean> unchanged = new HashMap<>();

        ArchBuilder(String arch) {
            this.arch = arch;
        }

        void loadFile(XmlElement root, String file) throws MapLoadException {
            for (XmlElement v : root.elements("vendor")) vendor(v, file);
            for (XmlElement f : root.elements("feature")) feature(f, file);
            for (XmlElement m : root.elements("model")) model(m, file);
        }

        private String name(XmlElement e, String file) throws MapLoadException {
            String name = e.attr("name");
            if (name == null) {
                throw new MapLoadException(where(file) + "cannot find " + e.name() + " name in CPU map '" + file + "'");
            }
            return name;
        }

        private String where(String file) {
            return dir.resolve(file) + ": ";
        }

        void vendor(XmlElement e, String file) throws MapLoadException {
            String name = name(e, file);
            if (vendorsByName.containsKey(name)) throw new MapLoadException(where(file) + "CPU vendor " + name + " already defined");
            String string = e.attr("string");
            if (arch.equals("x86")) {
                if (string == null) throw new MapLoadException(where(file) + "Missing vendor string for CPU vendor " + name);
                if (string.length() != 12) throw new MapLoadException(where(file) + "Invalid CPU vendor string '" + string + "'");
            }
            Vendor v = new Vendor(name, string, e.attr("value"));
            vendors.add(v);
            vendorsByName.put(name, v);
        }

        void feature(XmlElement e, String file) throws MapLoadException {
            String name = name(e, file);
            if (featuresByName.containsKey(name)) throw new MapLoadException(where(file) + "CPU feature " + name + " already defined");
            List<String> aliases = new ArrayList<>();
            for (XmlElement a : e.elements("alias")) {
                if (a.attr("name") != null) aliases.add(a.attr("name"));
            }
            Register reg = null;
            int bit = -1;
            if (arch.equals("x86")) {
                int items = 0;
                for (XmlElement d : e.elements()) {
                    if (d.name().equals("alias")) continue;
                    items++;
                    long[] located = d.name().equals("cpuid") ? cpuid(d, name, items, file) : msr(d, name, items, file);
                    for (int r = 0; r < 4; r++) {
                        long v = located[r + 2];
                        if (v == 0) continue;
                        if (reg != null || Long.bitCount(v) != 1) {
                            throw new MapLoadException(where(file) + "feature " + name
                                    + " is not a single CPUID/MSR bit; virtcpu needs one bit per feature");
                        }
                        String regName = d.name().equals("cpuid") ? new String[]{"eax", "ebx", "ecx", "edx"}[r]
                                : new String[]{"eax", "edx", "", ""}[r];
                        reg = d.name().equals("cpuid") ? Register.cpuid(located[0], located[1], regName)
                                : Register.msr(located[0], regName);
                        bit = Long.numberOfTrailingZeros(v);
                    }
                }
                if (items == 0) throw new MapLoadException(where(file) + "no x86 CPU data found");
                if (reg == null) throw new MapLoadException(where(file) + "feature " + name + " has no CPUID/MSR bit");
                String key = reg + "/" + bit;
                Feature other = featuresByBit.get(key);
                if (other != null) {
                    throw new MapLoadException(where(file) + "features " + other.name() + " and " + name + " share one bit");
                }
            }
            Feature f = new Feature(name, features.size(), reg, bit, !"no".equals(e.attr("migratable")), List.copyOf(aliases));
            if (reg != null) featuresByBit.put(reg + "/" + bit, f);
            features.add(f);
            featuresByName.put(name, f);
        }

        private long[] cpuid(XmlElement d, String feature, int i, String file) throws MapLoadException {
            try {
                long eaxIn = number(d.attr("eax_in"), true);
                return new long[]{eaxIn, number(d.attr("ecx_in"), false), number(d.attr("eax"), false),
                        number(d.attr("ebx"), false), number(d.attr("ecx"), false), number(d.attr("edx"), false)};
            } catch (NumberFormatException ex) {
                throw new MapLoadException(where(file) + "Invalid cpuid[" + (i - 1) + "] in feature " + feature);
            }
        }

        private long[] msr(XmlElement d, String feature, int i, String file) throws MapLoadException {
            try {
                return new long[]{number(d.attr("index"), true), 0, number(d.attr("eax"), true),
                        number(d.attr("edx"), true), 0, 0};
            } catch (NumberFormatException ex) {
                throw new MapLoadException(where(file) + "Invalid msr[" + (i - 1) + "] in feature " + feature);
            }
        }

        void model(XmlElement e, String file) throws MapLoadException {
            String name = name(e, file);
            if (modelsByName.containsKey(name)) throw new MapLoadException(where(file) + "Multiple definitions of CPU model '" + name + "'");
            if (!arch.equals("x86")) {
                Vendor v = null;
                XmlElement ve = e.element("vendor");
                if (ve != null) {
                    v = vendorsByName.get(ve.attr("name"));
                    if (v == null) throw new MapLoadException(where(file) + "Unknown vendor " + ve.attr("name") + " referenced by CPU model " + name);
                }
                Model m = new Model(name, models.size(), v, List.of(), new FeatureSet(), List.of(), List.of(), true, true, false, null);
                models.add(m);
                modelsByName.put(name, m);
                return;
            }
            boolean compat = false;
            XmlElement check = e.element("check");
            if (check != null) {
                String partial = check.attr("partial");
                if (partial == null) throw new MapLoadException(where(file) + "Missing check/@partial in CPU model " + name);
                if (!partial.equals("compat")) throw new MapLoadException(where(file) + "Invalid check/@partial value '" + partial + "' in CPU model " + name);
                compat = true;
            }
            XmlElement decode = e.element("decode");
            if (decode == null || decode.attr("host") == null || decode.attr("guest") == null) {
                throw new MapLoadException(where(file) + "missing decode element in CPU model " + name);
            }
            Vendor vendor = null;
            List<Signature> signatures = new ArrayList<>();
            FeatureSet data = new FeatureSet();
            String ancestorName = null;
            XmlElement anc = e.element("model");
            if (anc != null) {
                ancestorName = anc.attr("name");
                if (ancestorName == null) throw new MapLoadException(where(file) + "Missing ancestor's name in CPU model " + name);
                Model ancestor = modelsByName.get(ancestorName);
                if (ancestor == null) throw new MapLoadException(where(file) + "Ancestor model " + ancestorName + " not found for CPU model " + name);
                vendor = ancestor.vendor();
                signatures.addAll(ancestor.signatures());
                data = ancestor.data().copy();
                for (Feature r : ancestor.removed()) data.remove(r.index());
            }
            List<XmlElement> sigs = e.elements("signature");
            if (!sigs.isEmpty()) {
                signatures.clear();
                for (XmlElement s : sigs) signatures.add(signature(s, name, file));
            }
            XmlElement ve = e.element("vendor");
            if (ve != null) {
                vendor = vendorsByName.get(ve.attr("name"));
                if (vendor == null) throw new MapLoadException(where(file) + "Unknown vendor " + ve.attr("name") + " referenced by CPU model " + name);
            }
            List<Feature> removed = new ArrayList<>();
            List<Feature> added = new ArrayList<>();
            List<XmlElement> featureElements = e.elements("feature");
            for (XmlElement fe : featureElements) {
                String fname = fe.attr("name");
                Feature f = featuresByName.get(fname);
                if (f == null) throw new MapLoadException(where(file) + "Feature " + fname + " required by CPU model " + name + " not found");
                if ("yes".equals(fe.attr("removed"))) removed.add(f);
                else if ("yes".equals(fe.attr("added"))) added.add(f);
                else data.add(f.index());
            }
            Model m = new Model(name, models.size(), vendor, signatures, data, removed, added,
                    "on".equals(decode.attr("host")), "on".equals(decode.attr("guest")), compat, ancestorName);
            if (ancestorName != null && sigs.isEmpty() && ve == null && featureElements.isEmpty()) {
                Model base = modelsByName.get(ancestorName);
                if (base.canonical() != null) {
                    throw new MapLoadException(where(file) + "Cannot set CPU model '" + name + "' as canonical name of '"
                            + ancestorName + "' which is already an alias of '" + base.canonical() + "'");
                }
                m.linkAlias(base);
            }
            models.add(m);
            modelsByName.put(name, m);
        }

        private Signature signature(XmlElement s, String model, String file) throws MapLoadException {
            int family;
            int mod;
            try {
                family = (int) number(s.attr("family"), true);
            } catch (NumberFormatException ex) {
                family = 0;
            }
            if (family <= 0) throw new MapLoadException(where(file) + "Invalid CPU signature family in model " + model);
            try {
                mod = (int) number(s.attr("model"), true);
            } catch (NumberFormatException ex) {
                throw new MapLoadException(where(file) + "Invalid CPU signature model in model " + model);
            }
            String stepping = s.attr("stepping");
            int steppings = -1;
            if (stepping != null) {
                try {
                    steppings = bitmap(stepping);
                } catch (NumberFormatException ex) {
                    throw new MapLoadException(where(file) + "Invalid CPU signature stepping in model " + model);
                }
            }
            return new Signature(family, mod, steppings);
        }

        ArchMap build() {
            return new ArchMap(arch, vendors, features, models);
        }
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
