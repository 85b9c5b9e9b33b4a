package dev.virtcpu.model;

import dev.virtcpu.xml.XmlElement;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds one architecture of a CPU map from its files, in load order: each file's vendors, then
 * features, then models, with libvirt's checks and messages (x86VendorParse, x86FeatureParse,
 * x86ModelParse) as the release's {@link LoaderRules} have them.
 */
final class ArchBuilder {
    final String arch;
    final List<Vendor> vendors = new ArrayList<>();
    final Map<String, Vendor> vendorsByName = new HashMap<>();
    final List<Feature> features = new ArrayList<>();
    final Map<String, Feature> featuresByName = new HashMap<>();
    final Map<String, Feature> featuresByBit = new HashMap<>();
    final List<Model> models = new ArrayList<>();
    final Map<String, Model> modelsByName = new HashMap<>();

    private final Path dir;
    private final LoaderRules rules;

    ArchBuilder(String arch, Path dir, LoaderRules rules) {
        this.arch = arch;
        this.dir = dir;
        this.rules = rules;
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
                if (!rules.anyChildIsMsr() && !d.name().equals("cpuid") && !d.name().equals("msr")) continue;
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
            if (items == 0) {
                throw new MapLoadException(where(file) + (rules.anyChildIsMsr() ? "no x86 CPU data found"
                        : "Missing cpuid or msr element in feature " + name));
            }
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
            throw new MapLoadException(where(file) + invalid("cpuid", i, feature));
        }
    }

    private long[] msr(XmlElement d, String feature, int i, String file) throws MapLoadException {
        try {
            return new long[]{number(d.attr("index"), true), 0, number(d.attr("eax"), true),
                    number(d.attr("edx"), true), 0, 0};
        } catch (NumberFormatException ex) {
            throw new MapLoadException(where(file) + invalid("msr", i, feature));
        }
    }

    /** libvirt's wording: 9.0+ {@code Invalid cpuid[0]}, 7.0 {@code Invalid cpuid[0] in X feature}. */
    private String invalid(String kind, int i, String feature) {
        String item = "Invalid " + kind + "[" + (i - 1) + "]";
        return rules.anyChildIsMsr() ? item + " in feature " + feature : item + " in " + feature + " feature";
    }

    private long number(String text, boolean required) {
        return rules.xpathStrings() ? CpuMapLoader.hexNumber(text, required) : CpuMapLoader.number(text, required);
    }

    void model(XmlElement e, String file) throws MapLoadException {
        String name = name(e, file);
        if (modelsByName.containsKey(name)) throw new MapLoadException(where(file) + "Multiple definitions of CPU model '" + name + "'");
        Model m = arch.equals("x86") ? x86Model(e, name, file) : otherModel(e, name, file);
        models.add(m);
        modelsByName.put(name, m);
    }

    private Model otherModel(XmlElement e, String name, String file) throws MapLoadException {
        XmlElement ve = e.element("vendor");
        Vendor v = ve == null ? null : vendor(ve, name, file);
        return new Model(name, models.size(), v, List.of(), new FeatureSet(), List.of(), List.of(), true, true, false, null);
    }

    private Model x86Model(XmlElement e, String name, String file) throws MapLoadException {
        boolean compat = rules.modelVersions() && compatCheck(e, name, file);
        boolean[] decode = decode(e, name, file);
        Model ancestor = ancestor(e, name, file);
        Vendor vendor = ancestor == null ? null : ancestor.vendor();
        List<Signature> signatures = new ArrayList<>();
        FeatureSet data = new FeatureSet();
        if (ancestor != null) {
            signatures.addAll(ancestor.signatures());
            data = ancestor.data().copy();
            if (rules.modelVersions()) {
                for (Feature r : ancestor.removed()) data.remove(r.index());
            }
        }
        List<XmlElement> sigs = e.elements("signature");
        if (!sigs.isEmpty()) {
            signatures.clear();
            for (XmlElement s : sigs) signatures.add(signature(s, name, file));
        }
        XmlElement ve = e.element("vendor");
        if (ve != null) vendor = vendor(ve, name, file);
        List<Feature> removed = new ArrayList<>();
        List<Feature> added = new ArrayList<>();
        List<XmlElement> featureElements = e.elements("feature");
        for (XmlElement fe : featureElements) {
            String fname = fe.attr("name");
            Feature f = featuresByName.get(fname);
            if (f == null) throw new MapLoadException(where(file) + "Feature " + fname + " required by CPU model " + name + " not found");
            if ("yes".equals(fe.attr("removed"))) removed.add(f);
            else if (rules.modelVersions() && "yes".equals(fe.attr("added"))) added.add(f);
            else data.add(f.index());
        }
        Model m = new Model(name, models.size(), vendor, signatures, data, removed, added, decode[0], decode[1], compat,
                ancestor == null ? null : ancestor.name());
        if (rules.modelVersions() && ancestor != null && sigs.isEmpty() && ve == null && featureElements.isEmpty()) {
            linkAlias(m, ancestor, file);
        }
        return m;
    }

    /** {@code <check partial='compat'/>} (11.x; older releases ignore the element). */
    private boolean compatCheck(XmlElement e, String name, String file) throws MapLoadException {
        XmlElement check = e.element("check");
        if (check == null) return false;
        String partial = check.attr("partial");
        if (partial == null) throw new MapLoadException(where(file) + "Missing check/@partial in CPU model " + name);
        if (!partial.equals("compat")) throw new MapLoadException(where(file) + "Invalid check/@partial value '" + partial + "' in CPU model " + name);
        return true;
    }

    /** {host, guest} of {@code <decode host=on|off guest=on|off/>}; both are required. */
    private boolean[] decode(XmlElement e, String name, String file) throws MapLoadException {
        XmlElement decode = e.element("decode");
        for (String which : new String[]{"host", "guest"}) {
            String v = decode == null ? null : decode.attr(which);
            if (v != null && (v.equals("on") || v.equals("off"))) continue;
            if (rules.xpathStrings()) {
                throw new MapLoadException(where(file) + "invalid or missing decode/" + which + " attribute in CPU model " + name);
            }
            if (decode == null) throw new MapLoadException(where(file) + "missing decode element in CPU model " + name);
            throw new MapLoadException(where(file) + (v == null ? "Missing required attribute '" + which + "' in element 'decode'"
                    : "Invalid value for attribute '" + which + "' in element 'decode': '" + v + "'."));
        }
        return new boolean[]{"on".equals(decode.attr("host")), "on".equals(decode.attr("guest"))};
    }

    private Model ancestor(XmlElement e, String name, String file) throws MapLoadException {
        XmlElement anc = e.element("model");
        if (anc == null) return null;
        String ancestorName = anc.attr("name");
        if (ancestorName == null) throw new MapLoadException(where(file) + "Missing ancestor's name in CPU model " + name);
        Model ancestor = modelsByName.get(ancestorName);
        if (ancestor == null) throw new MapLoadException(where(file) + "Ancestor model " + ancestorName + " not found for CPU model " + name);
        return ancestor;
    }

    private Vendor vendor(XmlElement ve, String model, String file) throws MapLoadException {
        Vendor v = vendorsByName.get(ve.attr("name"));
        if (v == null) throw new MapLoadException(where(file) + "Unknown vendor " + ve.attr("name") + " referenced by CPU model " + model);
        return v;
    }

    /** A model that only names its ancestor is the ancestor's canonical alias (11.x: Haswell → Haswell-v1). */
    private void linkAlias(Model alias, Model base, String file) throws MapLoadException {
        if (base.canonical() != null) {
            throw new MapLoadException(where(file) + "Cannot set CPU model '" + alias.name() + "' as canonical name of '"
                    + base.name() + "' which is already an alias of '" + base.canonical() + "'");
        }
        alias.linkAlias(base);
    }

    private Signature signature(XmlElement s, String model, String file) throws MapLoadException {
        int family;
        int mod;
        try {
            family = (int) CpuMapLoader.number(s.attr("family"), true);
        } catch (NumberFormatException ex) {
            family = 0;
        }
        if (family <= 0) throw new MapLoadException(where(file) + "Invalid CPU signature family in model " + model);
        try {
            mod = (int) CpuMapLoader.number(s.attr("model"), true);
        } catch (NumberFormatException ex) {
            throw new MapLoadException(where(file) + "Invalid CPU signature model in model " + model);
        }
        String stepping = s.attr("stepping");
        int steppings = -1;
        if (stepping != null) {
            try {
                steppings = CpuMapLoader.bitmap(stepping);
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
