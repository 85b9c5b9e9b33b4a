package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Severity;
import dev.virtcpu.xml.XmlAttribute;
import dev.virtcpu.xml.XmlElement;
import java.util.List;

/** An attribute or element libvirt rejects or ignores where it is. */
public final class MisplacedAttribute extends Rule {
    public MisplacedAttribute() {
        super("misplaced-attribute", Severity.ERROR, "An attribute or element libvirt rejects or ignores in this mode.", """
                Some attributes and elements are only valid in some modes (migratable= only for host-passthrough and
                maximum, cache mode='passthrough' only with them, check= only with a model, <arch> only in host CPU
                descriptions). libvirt rejects or ignores them; move or remove them.""");
    }

    @Override
    public void check(CpuContext c) {
        XmlElement cpu = c.cpu();
        XmlAttribute migratable = cpu.attribute("migratable");
        if (CpuValues.valid(cpu, "migratable", CpuValues.SWITCH) != null && !c.isPassthrough()) {
            c.report(this, c.attributeRange(migratable), "Attribute migratable is only allowed for 'host-passthrough' / 'maximum' CPU mode");
        }
        for (XmlElement arch : cpu.elements("arch")) {
            c.report(this, c.nameRange(arch), "<arch> is ignored in a domain's <cpu> (it belongs to host CPU descriptions)");
        }
        List<XmlElement> models = cpu.elements("model");
        for (int i = 1; i < models.size(); i++) {
            c.report(this, c.nameRange(models.get(i)), "only the first <model> counts; libvirt ignores this one");
        }
        XmlAttribute check = cpu.attribute("check");
        if (check != null && CpuValues.CHECKS.contains(check.value()) && c.parsedMode().equals("custom") && c.modelName() == null) {
            c.report(this, c.attributeRange(check), "check attribute specified for CPU with no model");
        }
        List<XmlElement> caches = cpu.elements("cache");
        if (!caches.isEmpty() && "passthrough".equals(CpuValues.valid(caches.get(0), "mode", CpuValues.CACHE_MODES))
                && !c.isPassthrough()) {
            c.report(this, c.attributeRange(caches.get(0).attribute("mode")), "cache mode 'passthrough' needs host-passthrough or maximum CPU mode");
        }
        maxphysaddr(c, cpu.element("maxphysaddr"));
    }

    private void maxphysaddr(CpuContext c, XmlElement m) {
        if (m == null) return;
        String mode = CpuValues.valid(m, "mode", CpuValues.MAXPHYSADDR_MODES);
        XmlAttribute limit = m.attribute("limit");
        if ("emulate".equals(mode) && limit != null) {
            c.report(this, c.attributeRange(limit), "attribute 'limit' is only supported for maxphysaddr mode 'passthrough'");
        }
        XmlAttribute bits = m.attribute("bits");
        if ("passthrough".equals(mode) && bits != null) {
            c.report(this, c.attributeRange(bits), "CPU maximum physical address bits number specification cannot be used with mode='passthrough'");
        }
    }
}
