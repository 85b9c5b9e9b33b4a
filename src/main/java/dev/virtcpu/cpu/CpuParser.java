package dev.virtcpu.cpu;

import dev.virtcpu.xml.XmlAttribute;
import dev.virtcpu.xml.XmlElement;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses a {@code <cpu>} element the way libvirt's virCPUDefParseXML does, stopping at the first
 * error with libvirt's error class and wording. Host type: {@code <arch>} and {@code <model>}
 * required, {@code mode=} rejected, feature policies ignored. Guest type: mode/match/check/…
 * validated, feature policy defaulting to {@code require}.
 */
public final class CpuParser {
    private static final Set<String> ARCHES = Set.of("i686", "x86_64", "ppc64", "ppc64le", "aarch64", "armv6l",
            "armv7l", "armv7b", "s390", "s390x", "ppc", "ppcle", "ppcemb", "riscv32", "riscv64", "mips", "mipsel",
            "mips64", "mips64el", "sparc", "sparc64", "alpha", "cris", "ia64", "lm32", "m68k", "microblaze",
            "microblazeel", "openrisc", "parisc", "parisc64", "unicore32", "sh4", "sh4eb", "xtensa", "xtensaeb", "loongarch64");

    private CpuParser() {
    }

    /** AUTO parse (cpu-compare): a {@code <cpu>} with {@code <arch>} is a host CPU, otherwise a guest CPU. */
    public static CpuDef parseAuto(XmlElement cpu) throws LibvirtException {
        if (cpu.element("arch") != null) {
            if (cpu.attribute("match") != null) {
                throw new LibvirtException(ErrorClass.XML,
                        "'arch' element cannot be used inside 'cpu' element with 'match' attribute'", cpu);
            }
            return parse(cpu, CpuDef.Type.HOST);
        }
        return parse(cpu, CpuDef.Type.GUEST);
    }

    public static CpuDef parse(XmlElement cpu, CpuDef.Type type) throws LibvirtException {
        CpuDef def = new CpuDef();
        def.type = type;
        def.element = cpu;
        XmlAttribute modeAttr = cpu.attribute("mode");
        if (modeAttr != null && modeAttr.value() != null) {
            if (type == CpuDef.Type.HOST) {
                throw new LibvirtException(ErrorClass.CONFIG_UNSUPPORTED, "Attribute mode is only allowed for guest CPU", cpu);
            }
            def.mode = Mode.parse(modeAttr.value());
            if (def.mode == null) {
                throw new LibvirtException(ErrorClass.CONFIG_UNSUPPORTED, "Invalid mode attribute '" + modeAttr.value() + "'", cpu);
            }
        } else if (type == CpuDef.Type.HOST) {
            def.mode = null;
        }
        if (type == CpuDef.Type.GUEST) {
            def.match = enumAttr(cpu, "match", List.of("minimum", "exact", "strict"));
            def.check = enumAttr(cpu, "check", List.of("none", "partial", "full"));
            def.migratable = switchAttr(cpu, "migratable");
            if (def.migratable != null && def.mode != Mode.HOST_PASSTHROUGH && def.mode != Mode.MAXIMUM) {
                throw new LibvirtException(ErrorClass.CONFIG_UNSUPPORTED,
                        "Attribute migratable is only allowed for 'host-passthrough' / 'maximum' CPU mode", cpu);
            }
            def.deprecatedFeatures = switchAttr(cpu, "deprecated_features");
        } else {
            XmlElement arch = cpu.element("arch");
            String archName = arch == null ? null : nonEmpty(arch.text());
            if (archName == null) throw new LibvirtException(ErrorClass.XML, "Missing CPU architecture", cpu);
            if (!ARCHES.contains(archName)) {
                throw new LibvirtException(ErrorClass.CONFIG_UNSUPPORTED, "Unknown architecture " + archName, arch);
            }
            def.arch = archName;
        }
        XmlElement model = cpu.element("model");
        def.model = model == null ? null : nonEmpty(model.text());
        if (def.model == null && type == CpuDef.Type.HOST) {
            throw new LibvirtException(ErrorClass.XML, "Missing CPU model name", cpu);
        }
        if (type == CpuDef.Type.GUEST && model != null) {
            if (def.mode != Mode.HOST_PASSTHROUGH && def.mode != Mode.MAXIMUM) {
                String fallback = model.attr("fallback");
                if (fallback != null) {
                    if (!fallback.equals("allow") && !fallback.equals("forbid")) {
                        throw new LibvirtException(ErrorClass.CONFIG_UNSUPPORTED, "Invalid fallback attribute", model);
                    }
                    def.fallback = fallback;
                }
            }
            String vendorId = model.attr("vendor_id");
            if (vendorId != null) {
                if (vendorId.length() != 12) {
                    throw new LibvirtException(ErrorClass.XML, "vendor_id must be exactly 12 characters long", model);
                }
                if (vendorId.indexOf(',') >= 0) throw new LibvirtException(ErrorClass.XML, "vendor id is invalid", model);
                def.vendorId = vendorId;
            }
        }
        XmlElement vendor = cpu.element("vendor");
        def.vendor = vendor == null ? null : nonEmpty(vendor.text());
        if (def.vendor != null && def.model == null) {
            throw new LibvirtException(ErrorClass.XML, "CPU vendor specified without CPU model", vendor);
        }
        XmlElement topology = cpu.element("topology");
        if (topology != null) topology(topology);
        List<XmlElement> features = cpu.elements("feature");
        if (!features.isEmpty() && def.model == null && type == CpuDef.Type.GUEST && def.mode == Mode.CUSTOM) {
            throw new LibvirtException(ErrorClass.XML, "Non-empty feature list specified without CPU model", cpu);
        }
        Set<String> seen = new HashSet<>();
        for (XmlElement f : features) {
            Policy policy = null;
            if (type == CpuDef.Type.GUEST) {
                String p = f.attr("policy");
                policy = p == null ? Policy.REQUIRE : Policy.parse(p);
                if (policy == null) throw new LibvirtException(ErrorClass.CONFIG_UNSUPPORTED, "Invalid CPU feature policy", f);
            }
            String name = f.attr("name");
            if (name == null || name.isEmpty()) throw new LibvirtException(ErrorClass.XML, "Invalid CPU feature name", f);
            if (!seen.add(name)) {
                throw new LibvirtException(ErrorClass.XML, "CPU feature '" + name + "' specified more than once", f);
            }
            def.features.add(new CpuFeatureDef(name, policy, f));
        }
        if (type == CpuDef.Type.GUEST) cache(cpu);
        return def;
    }

    private static void topology(XmlElement t) throws LibvirtException {
        for (String a : List.of("sockets", "dies", "clusters", "cores", "threads")) {
            String v = t.attr(a);
            boolean required = a.equals("sockets") || a.equals("cores") || a.equals("threads");
            if (v == null) {
                if (required) throw new LibvirtException(ErrorClass.XML, "Missing required attribute '" + a + "' in element 'topology'", t);
                continue;
            }
            long n;
            try {
                n = Long.parseLong(v.trim());
            } catch (NumberFormatException e) {
                throw new LibvirtException(ErrorClass.XML, "Invalid value for attribute '" + a + "' in element 'topology': '" + v + "'. Expected non-negative integer value", t);
            }
            if (n == 0) throw new LibvirtException(ErrorClass.XML, "Invalid value for attribute '" + a + "' in element 'topology': Zero is not permitted", t);
        }
    }

    private static void cache(XmlElement cpu) throws LibvirtException {
        List<XmlElement> caches = cpu.elements("cache");
        if (caches.size() > 1) throw new LibvirtException(ErrorClass.XML, "at most one CPU cache element may be specified", caches.get(1));
        if (caches.isEmpty()) return;
        String level = caches.get(0).attr("level");
        if (level != null) {
            int l;
            try {
                l = Integer.parseInt(level.trim());
            } catch (NumberFormatException e) {
                l = -1;
            }
            if (l < 1 || l > 3) throw new LibvirtException(ErrorClass.XML, "invalid CPU cache level, must be in range [1,3]", caches.get(0));
        }
    }

    private static String enumAttr(XmlElement e, String name, List<String> allowed) throws LibvirtException {
        String v = e.attr(name);
        if (v == null) return null;
        if (!allowed.contains(v)) {
            throw new LibvirtException(ErrorClass.XML,
                    "Invalid value for attribute '" + name + "' in element '" + e.name() + "': '" + v + "'.", e);
        }
        return v;
    }

    private static String switchAttr(XmlElement e, String name) throws LibvirtException {
        return enumAttr(e, name, List.of("on", "off"));
    }

    private static String nonEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
