package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Fix;
import dev.virtcpu.analysis.Severity;
import dev.virtcpu.analysis.TextEdit;
import dev.virtcpu.xml.XmlAttribute;
import dev.virtcpu.xml.XmlElement;
import java.util.List;
import java.util.Set;

/** An element or attribute libvirt's schema does not allow inside {@code <cpu>}. */
public final class InvalidElement extends Rule {
    public InvalidElement() {
        super("invalid-element", Severity.ERROR, "An element or attribute that libvirt's schema does not allow inside <cpu>.", """
                libvirt's domain schema (and virsh define --validate) rejects elements and attributes it does not
                know inside <cpu>; without validation they are silently lost. A domain has one <cpu>. Check the
                spelling against libvirt's formatdomain documentation.""");
    }

    private static final Set<String> CPU_ATTRIBUTES = Set.of("mode", "match", "check", "migratable", "deprecated_features");
    /** {@code <arch>} is known, but misplaced (reported by misplaced-attribute). */
    private static final Set<String> CHILDREN = Set.of("model", "vendor", "topology", "cache", "maxphysaddr", "feature", "numa", "arch");

    @Override
    public void check(CpuContext c) {
        XmlElement cpu = c.cpu();
        for (XmlAttribute a : cpu.attributes()) {
            if (!CPU_ATTRIBUTES.contains(a.name())) c.report(this, c.attributeRange(a), "<cpu> has no attribute '" + a.name() + "'");
        }
        for (XmlElement child : cpu.elements()) {
            if (!CHILDREN.contains(child.name()) && !child.name().isEmpty()) {
                c.report(this, c.nameRange(child), "<cpu> has no child element <" + child.name()
                        + "> (expected model, vendor, topology, cache, maxphysaddr, feature or numa)");
            }
        }
        for (XmlElement f : cpu.elements("feature")) {
            if (f.attribute("policy") == null && f.attribute("name") != null) {
                c.report(this, c.nameRange(f), "<feature> without policy: libvirt's schema requires it (the parser assumes require)",
                        List.of(new Fix("Add policy='require'", List.of(new TextEdit(f.nameEnd(), f.nameEnd(), " policy='require'")), true, false)));
            }
        }
        List<XmlElement> caches = cpu.elements("cache");
        for (int i = 1; i < caches.size(); i++) {
            c.report(this, c.nameRange(caches.get(i)), "at most one CPU cache element may be specified");
        }
    }
}
