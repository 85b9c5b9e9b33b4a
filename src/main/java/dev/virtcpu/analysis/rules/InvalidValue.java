package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Fix;
import dev.virtcpu.analysis.Severity;
import dev.virtcpu.analysis.Suggestions;
import dev.virtcpu.xml.XmlAttribute;
import dev.virtcpu.xml.XmlElement;
import java.util.ArrayList;
import java.util.List;

/** An attribute value libvirt rejects: outside its enumeration, a topology count that is not positive, a malformed vendor_id. */
public final class InvalidValue extends Rule {
    public InvalidValue() {
        super("invalid-value", Severity.ERROR, "An attribute value libvirt rejects.", """
                libvirt's parser rejects values outside an attribute's enumeration (mode, match, check, fallback,
                feature policy, cache mode and level, topology counts, vendor_id). virsh define fails with the message
                shown. The quick fix offers the closest valid value.""");
    }

    private static final List<String> TOPOLOGY = List.of("sockets", "dies", "clusters", "cores", "threads");

    @Override
    public void check(CpuContext c) {
        XmlElement cpu = c.cpu();
        enumValue(c, cpu, "mode", CpuValues.MODES);
        enumValue(c, cpu, "match", CpuValues.MATCHES);
        enumValue(c, cpu, "check", CpuValues.CHECKS);
        enumValue(c, cpu, "deprecated_features", CpuValues.SWITCH);
        enumValue(c, cpu, "migratable", CpuValues.SWITCH);
        model(c, cpu.element("model"));
        for (XmlElement f : cpu.elements("feature")) feature(c, f);
        topology(c, cpu.element("topology"));
        List<XmlElement> caches = cpu.elements("cache");
        if (!caches.isEmpty()) cache(c, caches.get(0));
        maxphysaddr(c, cpu.element("maxphysaddr"));
    }

    private void model(CpuContext c, XmlElement m) {
        if (m == null) return;
        enumValue(c, m, "fallback", CpuValues.FALLBACKS);
        XmlAttribute vendorId = m.attribute("vendor_id");
        if (vendorId == null || vendorId.value() == null) return;
        if (vendorId.value().length() != 12) {
            c.report(this, c.valueRange(vendorId), "vendor_id must be exactly 12 characters long");
        } else if (vendorId.value().indexOf(',') >= 0) {
            c.report(this, c.valueRange(vendorId), "vendor id is invalid (no ',' allowed)");
        }
    }

    private void feature(CpuContext c, XmlElement f) {
        XmlAttribute policy = f.attribute("policy");
        if (policy != null && !CpuValues.POLICIES.contains(policy.value())) {
            c.report(this, c.valueRange(policy), "Invalid CPU feature policy '" + policy.value()
                    + "' (expected force, require, optional, disable or forbid)", closest(c, policy, CpuValues.POLICIES));
        }
        XmlAttribute name = f.attribute("name");
        if (name == null || name.value() == null || name.value().isEmpty()) {
            c.report(this, name == null ? c.nameRange(f) : c.attributeRange(name), "Invalid CPU feature name");
        }
    }

    private void topology(CpuContext c, XmlElement t) {
        if (t == null) return;
        for (String a : TOPOLOGY) {
            XmlAttribute attr = t.attribute(a);
            boolean required = a.equals("sockets") || a.equals("cores") || a.equals("threads");
            if (attr == null || attr.value() == null) {
                if (required) c.report(this, c.nameRange(t), "Missing required attribute '" + a + "' in element 'topology'");
                continue;
            }
            if (!attr.value().matches("[0-9]+") || attr.value().matches("0+")) {
                c.report(this, c.valueRange(attr), "Invalid value for attribute '" + a
                        + "' in element 'topology': a positive integer is required");
            }
        }
    }

    private void cache(CpuContext c, XmlElement cache) {
        XmlAttribute level = cache.attribute("level");
        if (level != null && (level.value() == null || !level.value().matches("[123]"))) {
            c.report(this, c.valueRange(level), "invalid CPU cache level, must be in range [1,3]");
        }
        if (cache.attribute("mode") == null) {
            c.report(this, c.nameRange(cache), "<cache> needs a mode (emulate, passthrough or disable)");
        } else if ("emulate".equals(enumValue(c, cache, "mode", CpuValues.CACHE_MODES)) && !"3".equals(cache.attr("level"))) {
            c.report(this, c.attributeRange(cache.attribute("mode")), "CPU cache mode 'emulate' can only be used with level='3'");
        }
    }

    private void maxphysaddr(CpuContext c, XmlElement m) {
        if (m == null) return;
        if (m.attribute("mode") == null) {
            c.report(this, c.nameRange(m), "<maxphysaddr> needs a mode (emulate or passthrough)");
            return;
        }
        enumValue(c, m, "mode", CpuValues.MAXPHYSADDR_MODES);
    }

    /** The attribute's value if valid; reports an invalid one (libvirt's wording) and returns null. */
    private String enumValue(CpuContext c, XmlElement e, String name, List<String> allowed) {
        XmlAttribute a = e.attribute(name);
        if (a == null) return null;
        if (allowed.contains(a.value())) return a.value();
        c.report(this, c.valueRange(a), "Invalid value for attribute '" + name + "' in element '" + e.name()
                + "': '" + (a.value() == null ? "" : a.value()) + "' (expected " + String.join(", ", allowed) + ")",
                closest(c, a, allowed));
        return null;
    }

    private static List<Fix> closest(CpuContext c, XmlAttribute a, List<String> allowed) {
        List<Fix> fixes = new ArrayList<>();
        if (a.value() == null) return fixes;
        for (String s : Suggestions.closest(a.value(), allowed, 1)) {
            fixes.add(new Fix("Change to '" + s + "'", List.of(c.replace(c.valueRange(a), s)), true, false));
        }
        return fixes;
    }
}
