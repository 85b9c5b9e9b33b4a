package dev.virtcpu.analysis;

import dev.virtcpu.model.ArchMap;
import dev.virtcpu.model.Feature;
import dev.virtcpu.model.Model;
import dev.virtcpu.model.Vendor;
import dev.virtcpu.xml.XmlAttribute;
import dev.virtcpu.xml.XmlElement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks of one guest {@code <cpu>} against libvirt's parser rules and the CPU map's names. */
public final class StructureChecks {
    public static final List<String> MODES = values("custom", "host-model", "host-passthrough", "maximum");
    public static final List<String> MATCHES = values("minimum", "exact", "strict");
    public static final List<String> CHECKS = values("none", "partial", "full");
    public static final List<String> SWITCH = values("on", "off");
    public static final List<String> FALLBACKS = values("allow", "forbid");
    public static final List<String> POLICIES = values("force", "require", "optional", "disable", "forbid");
    public static final List<String> CACHE_MODES = values("emulate", "passthrough", "disable");
    public static final List<String> MAXPHYSADDR_MODES = values("emulate", "passthrough");
    private static final Set<String> CPU_ATTRIBUTES = Set.of("mode", "match", "check", "migratable", "deprecated_features");
    private static final Set<String> CHILDREN = Set.of("model", "vendor", "topology", "cache", "maxphysaddr", "feature", "numa");

    /** Attribute values of an enumeration; unlike List.of, contains(null) is simply false (a valueless attribute). */
    private static List<String> values(String... v) {
        return java.util.Collections.unmodifiableList(java.util.Arrays.asList(v));
    }

    private final String text;
    private final ArchMap map;
    private final FindingSink sink;

    StructureChecks(String text, ArchMap map, FindingSink sink) {
        this.text = text;
        this.map = map;
        this.sink = sink;
    }

    void check(XmlElement cpu) {
        for (XmlAttribute a : cpu.attributes()) {
            if (!CPU_ATTRIBUTES.contains(a.name())) {
                sink.add(Codes.INVALID_ELEMENT, Ranges.attribute(a), "<cpu> has no attribute '" + a.name() + "'");
            }
        }
        String mode = enumValue(cpu, "mode", MODES);
        if (mode == null) mode = "custom";
        enumValue(cpu, "match", MATCHES);
        enumValue(cpu, "check", CHECKS);
        enumValue(cpu, "deprecated_features", SWITCH);
        XmlAttribute migratable = cpu.attribute("migratable");
        if (enumValue(cpu, "migratable", SWITCH) != null && !mode.equals("host-passthrough") && !mode.equals("maximum")) {
            sink.add(Codes.MISPLACED, Ranges.attribute(migratable),
                    "Attribute migratable is only allowed for 'host-passthrough' / 'maximum' CPU mode");
        }
        boolean passthrough = mode.equals("host-passthrough") || mode.equals("maximum");
        XmlAttribute match = cpu.attribute("match");
        if (match != null && !mode.equals("custom") && MATCHES.contains(match.value())) {
            sink.add(Codes.FEATURE_NO_EFFECT, Ranges.attribute(match), "match has no effect in " + mode + " mode (libvirt drops it)");
        }
        for (XmlElement child : cpu.elements()) {
            if (child.name().equals("arch")) {
                sink.add(Codes.MISPLACED, Ranges.name(child), "<arch> is ignored in a domain's <cpu> (it belongs to host CPU descriptions)");
            } else if (!CHILDREN.contains(child.name()) && !child.name().isEmpty()) {
                sink.add(Codes.INVALID_ELEMENT, Ranges.name(child), "<cpu> has no child element <" + child.name()
                        + "> (expected model, vendor, topology, cache, maxphysaddr, feature or numa)");
            }
        }
        Model model = model(cpu, mode, passthrough);
        vendor(cpu, model);
        features(cpu, mode, passthrough, model);
        XmlAttribute check = cpu.attribute("check");
        if (check != null && CHECKS.contains(check.value()) && mode.equals("custom") && modelName(cpu) == null) {
            sink.add(Codes.MISPLACED, Ranges.attribute(check), "check attribute specified for CPU with no model");
        }
        topology(cpu.element("topology"));
        caches(cpu, passthrough);
        maxphysaddr(cpu.element("maxphysaddr"));
    }

    public static String modelName(XmlElement cpu) {
        XmlElement m = cpu.element("model");
        if (m == null) return null;
        String t = m.text();
        return t.isEmpty() ? null : t;
    }

    private Model model(XmlElement cpu, String mode, boolean passthrough) {
        List<XmlElement> models = cpu.elements("model");
        if (models.isEmpty()) return null;
        XmlElement m = models.get(0);
        for (int i = 1; i < models.size(); i++) {
            sink.add(Codes.MISPLACED, Ranges.name(models.get(i)), "only the first <model> counts; libvirt ignores this one");
        }
        enumValue(m, "fallback", FALLBACKS);
        XmlAttribute vendorId = m.attribute("vendor_id");
        if (vendorId != null && vendorId.value() != null) {
            if (vendorId.value().length() != 12) {
                sink.add(Codes.INVALID_VALUE, Ranges.value(vendorId), "vendor_id must be exactly 12 characters long");
            } else if (vendorId.value().indexOf(',') >= 0) {
                sink.add(Codes.INVALID_VALUE, Ranges.value(vendorId), "vendor id is invalid (no ',' allowed)");
            }
        }
        String name = m.text();
        XmlAttribute nameAttr = m.attribute("name");
        if (nameAttr != null) {
            List<Fix> fixes = new ArrayList<>();
            if (name.isBlank() && nameAttr.value() != null && m.isSelfClosing()) {
                String replacement = "<model>" + nameAttr.value() + "</model>";
                fixes.add(new Fix("Write the model as <model>" + nameAttr.value() + "</model>",
                        List.of(new TextEdit(m.start(), m.end(), replacement)), true, true));
            }
            sink.add(Codes.MODEL_NAME_ATTRIBUTE, Ranges.attribute(nameAttr),
                    "<model name='…'/> is not libvirt syntax: libvirt ignores the attribute and the guest gets qemu64; "
                            + "write the name as the element's text", fixes);
        }
        if (passthrough && !name.isBlank()) {
            sink.add(Codes.FEATURE_NO_EFFECT, Ranges.name(m), "<model> has no effect in " + mode + " mode");
            return null;
        }
        if (name.isEmpty()) return null;
        int[] range = Ranges.text(m, text);
        if (!name.equals(name.strip())) {
            String trimmed = name.strip();
            sink.add(Codes.UNKNOWN_MODEL, range, "libvirt does not trim the model name: it looks for '" + name
                    + "' and fails with 'Unknown CPU model'", List.of(new Fix("Remove the surrounding whitespace",
                    List.of(new TextEdit(m.contentStart(), m.contentEnd(), trimmed)), true, true)));
            return map.model(trimmed);
        }
        Model model = map.model(name);
        if (model == null) {
            List<String> close = Suggestions.closest(name, map.modelsByName().keySet(), 3);
            List<Fix> fixes = new ArrayList<>();
            for (String c : close) {
                fixes.add(new Fix("Change to '" + c + "'", List.of(new TextEdit(range[0], range[1], c)), fixes.isEmpty(),
                        close.size() == 1));
            }
            sink.add(Codes.UNKNOWN_MODEL, range, "Unknown CPU model " + name + didYouMean(close), fixes);
        }
        return model;
    }

    private void vendor(XmlElement cpu, Model model) {
        XmlElement v = cpu.element("vendor");
        if (v == null) return;
        String name = v.text();
        int[] range = Ranges.text(v, text);
        if (modelName(cpu) == null) {
            sink.add(Codes.VENDOR_WITHOUT_MODEL, Ranges.name(v), "CPU vendor specified without CPU model");
        }
        if (name.isEmpty()) return;
        Vendor vendor = map.vendor(name);
        if (vendor == null) {
            List<String> names = new ArrayList<>();
            for (Vendor x : map.vendors()) names.add(x.name());
            List<String> close = Suggestions.closest(name, names, 3);
            List<Fix> fixes = new ArrayList<>();
            for (String c : close) fixes.add(new Fix("Change to '" + c + "'", List.of(new TextEdit(range[0], range[1], c)), fixes.isEmpty(), close.size() == 1));
            sink.add(Codes.UNKNOWN_VENDOR, range, "Unknown CPU vendor " + name + didYouMean(close), fixes);
        } else if (model != null && model.vendor() != null && !model.vendor().name().equals(name)) {
            sink.add(Codes.MODEL_VENDOR_MISMATCH, range, "CPU vendor " + model.vendor().name() + " of model " + model.name()
                    + " differs from vendor " + name);
        }
    }

    private void features(XmlElement cpu, String mode, boolean passthrough, Model model) {
        List<XmlElement> features = cpu.elements("feature");
        if (!features.isEmpty() && mode.equals("custom") && modelName(cpu) == null) {
            sink.add(Codes.FEATURES_WITHOUT_MODEL, Ranges.name(cpu), "Non-empty feature list specified without CPU model");
        }
        Map<String, XmlElement> seen = new HashMap<>();
        String vendor = cpu.element("vendor") != null ? cpu.element("vendor").text() : null;
        if ((vendor == null || vendor.isEmpty()) && model != null && model.vendor() != null) vendor = model.vendor().name();
        for (XmlElement f : features) {
            XmlAttribute nameAttr = f.attribute("name");
            XmlAttribute policyAttr = f.attribute("policy");
            String policy = policyAttr == null ? null : policyAttr.value();
            if (policyAttr != null && !POLICIES.contains(policy)) {
                List<Fix> fixes = new ArrayList<>();
                if (policy != null) {
                    int[] r = Ranges.value(policyAttr);
                    for (String c : Suggestions.closest(policy, POLICIES, 1)) {
                        fixes.add(new Fix("Change to '" + c + "'", List.of(new TextEdit(r[0], r[1], c)), true, false));
                    }
                }
                sink.add(Codes.INVALID_VALUE, Ranges.value(policyAttr), "Invalid CPU feature policy '" + policy
                        + "' (expected force, require, optional, disable or forbid)", fixes);
            } else if (policyAttr == null && nameAttr != null) {
                sink.add(Codes.INVALID_ELEMENT, Ranges.name(f), "<feature> without policy: libvirt's schema requires it "
                        + "(the parser assumes require)", List.of(new Fix("Add policy='require'",
                        List.of(new TextEdit(f.nameEnd(), f.nameEnd(), " policy='require'")), true, false)));
            }
            if (nameAttr == null || nameAttr.value() == null || nameAttr.value().isEmpty()) {
                sink.add(Codes.INVALID_VALUE, nameAttr == null ? Ranges.name(f) : Ranges.attribute(nameAttr), "Invalid CPU feature name");
                continue;
            }
            String name = nameAttr.value();
            int[] range = Ranges.value(nameAttr);
            XmlElement earlier = seen.putIfAbsent(name, f);
            if (earlier != null) {
                String earlierPolicy = earlier.attr("policy") == null ? "require" : earlier.attr("policy");
                String thisPolicy = policy == null ? "require" : policy;
                boolean conflict = !earlierPolicy.equals(thisPolicy);
                sink.add(conflict ? Codes.CONFLICTING_POLICY : Codes.DUPLICATE_FEATURE, range,
                        "CPU feature '" + name + "' specified more than once" + (conflict ? " (policies " + earlierPolicy
                                + " and " + thisPolicy + ")" : ""),
                        List.of(new Fix("Remove this <feature>", List.of(LineEdits.removeElement(text, f)), true, !conflict)));
            }
            Feature feature = map.feature(name);
            if (feature == null) {
                Feature canonical = map.featureByAlias(name);
                if (canonical != null) {
                    sink.add(Codes.FEATURE_ALIAS, range, "Unknown CPU feature " + name + ": libvirt calls it '"
                            + canonical.name() + "' (" + name + " is the QEMU/Linux spelling)",
                            List.of(new Fix("Change to '" + canonical.name() + "'",
                                    List.of(new TextEdit(range[0], range[1], canonical.name())), true, true)));
                } else {
                    List<String> names = new ArrayList<>();
                    for (Feature x : map.features()) names.add(x.name());
                    List<String> close = Suggestions.closest(name, names, 3);
                    List<Fix> fixes = new ArrayList<>();
                    for (String c : close) fixes.add(new Fix("Change to '" + c + "'", List.of(new TextEdit(range[0], range[1], c)), fixes.isEmpty(), close.size() == 1));
                    sink.add(Codes.UNKNOWN_FEATURE, range, "Unknown CPU feature " + name + didYouMean(close), fixes);
                }
                continue;
            }
            String effective = policy == null ? "require" : policy;
            if (passthrough && (effective.equals("require") || effective.equals("optional"))) {
                sink.add(Codes.FEATURE_NO_EFFECT, policyAttr == null ? range : Ranges.value(policyAttr),
                        "policy '" + effective + "' has no effect in " + mode + " mode: the guest already gets every host feature");
            }
            boolean wants = effective.equals("require") || effective.equals("force");
            if (wants && vendor != null && ((name.equals("vmx") && vendor.equals("AMD")) || (name.equals("svm") && vendor.equals("Intel")))) {
                String other = name.equals("vmx") ? "svm" : "vmx";
                sink.add(Codes.NESTED_VIRT_VENDOR, range, name + " is " + (name.equals("vmx") ? "Intel" : "AMD")
                        + "'s virtualization extension; " + vendor + " CPUs provide " + other + " instead",
                        List.of(new Fix("Change to '" + other + "'", List.of(new TextEdit(range[0], range[1], other)), true, false)));
            }
        }
    }

    private void topology(XmlElement t) {
        if (t == null) return;
        for (String a : List.of("sockets", "dies", "clusters", "cores", "threads")) {
            XmlAttribute attr = t.attribute(a);
            boolean required = a.equals("sockets") || a.equals("cores") || a.equals("threads");
            if (attr == null || attr.value() == null) {
                if (required) sink.add(Codes.INVALID_VALUE, Ranges.name(t), "Missing required attribute '" + a + "' in element 'topology'");
                continue;
            }
            if (!attr.value().matches("[0-9]+") || attr.value().matches("0+")) {
                sink.add(Codes.INVALID_VALUE, Ranges.value(attr), "Invalid value for attribute '" + a
                        + "' in element 'topology': a positive integer is required");
            }
        }
    }

    private void caches(XmlElement cpu, boolean passthrough) {
        List<XmlElement> caches = cpu.elements("cache");
        for (int i = 1; i < caches.size(); i++) {
            sink.add(Codes.INVALID_ELEMENT, Ranges.name(caches.get(i)), "at most one CPU cache element may be specified");
        }
        if (caches.isEmpty()) return;
        XmlElement c = caches.get(0);
        XmlAttribute level = c.attribute("level");
        if (level != null && (level.value() == null || !level.value().matches("[123]"))) {
            sink.add(Codes.INVALID_VALUE, Ranges.value(level), "invalid CPU cache level, must be in range [1,3]");
        }
        String mode = c.attr("mode");
        if (c.attribute("mode") == null) {
            sink.add(Codes.INVALID_VALUE, Ranges.name(c), "<cache> needs a mode (emulate, passthrough or disable)");
        } else if (enumValue(c, "mode", CACHE_MODES) != null) {
            if (mode.equals("emulate") && !"3".equals(c.attr("level"))) {
                sink.add(Codes.INVALID_VALUE, Ranges.attribute(c.attribute("mode")), "CPU cache mode 'emulate' can only be used with level='3'");
            } else if (mode.equals("passthrough") && !passthrough) {
                sink.add(Codes.MISPLACED, Ranges.attribute(c.attribute("mode")), "cache mode 'passthrough' needs host-passthrough or maximum CPU mode");
            }
        }
    }

    private void maxphysaddr(XmlElement m) {
        if (m == null) return;
        if (m.attribute("mode") == null) {
            sink.add(Codes.INVALID_VALUE, Ranges.name(m), "<maxphysaddr> needs a mode (emulate or passthrough)");
            return;
        }
        String mode = enumValue(m, "mode", MAXPHYSADDR_MODES);
        XmlAttribute limit = m.attribute("limit");
        if ("emulate".equals(mode) && limit != null) {
            sink.add(Codes.MISPLACED, Ranges.attribute(limit), "attribute 'limit' is only supported for maxphysaddr mode 'passthrough'");
        }
        XmlAttribute bits = m.attribute("bits");
        if ("passthrough".equals(mode) && bits != null) {
            sink.add(Codes.MISPLACED, Ranges.attribute(bits), "CPU maximum physical address bits number specification cannot be used with mode='passthrough'");
        }
    }

    /** The attribute's value if valid; reports an invalid one (libvirt's wording) and returns null. */
    private String enumValue(XmlElement e, String name, List<String> allowed) {
        XmlAttribute a = e.attribute(name);
        if (a == null) return null;
        if (a.value() != null && allowed.contains(a.value())) return a.value();
        List<String> close = a.value() == null ? List.of() : Suggestions.closest(a.value(), allowed, 1);
        List<Fix> fixes = new ArrayList<>();
        for (String c : close) {
            int[] r = Ranges.value(a);
            fixes.add(new Fix("Change to '" + c + "'", List.of(new TextEdit(r[0], r[1], c)), true, false));
        }
        sink.add(Codes.INVALID_VALUE, Ranges.value(a), "Invalid value for attribute '" + name + "' in element '" + e.name()
                + "': '" + (a.value() == null ? "" : a.value()) + "' (expected " + String.join(", ", allowed) + ")", fixes);
        return null;
    }

    static String didYouMean(List<String> close) {
        if (close.isEmpty()) return "";
        return close.size() == 1 ? " (did you mean " + close.get(0) + "?)" : " (did you mean " + String.join(", ", close) + "?)";
    }
}
