package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Severity;
import dev.virtcpu.xml.XmlAttribute;
import dev.virtcpu.xml.XmlElement;

/** Something the CPU mode makes meaningless: match and {@code <model>} in passthrough modes, require/optional features when the guest gets every host feature. */
public final class FeatureNoEffect extends Rule {
    public FeatureNoEffect() {
        super("feature-no-effect", Severity.WARNING, "A feature policy that has no effect in this CPU mode.", """
                Some settings are ignored in some modes: match and <model> in host-passthrough/maximum, require and
                optional features when the guest already gets every host feature. libvirt drops them silently, so the
                definition says something that does not happen. Remove them or change the mode.""");
    }

    @Override
    public void check(CpuContext c) {
        XmlElement cpu = c.cpu();
        XmlAttribute match = cpu.attribute("match");
        if (match != null && !c.isCustom() && c.modeIsValid() && CpuValues.MATCHES.contains(match.value())) {
            c.report(this, c.attributeRange(match), "match has no effect in " + c.mode() + " mode (libvirt drops it)");
        }
        XmlElement model = cpu.element("model");
        if (model != null && c.isPassthrough() && !model.text().isBlank()) {
            c.report(this, c.nameRange(model), "<model> has no effect in " + c.mode() + " mode");
        }
        if (!c.isPassthrough()) return;
        for (CpuContext.GuestFeature f : c.features()) {
            if (!f.policy().equals("require") && !f.policy().equals("optional")) continue;
            XmlAttribute policy = f.element().attribute("policy");
            c.report(this, policy == null ? c.valueRange(f.element().attribute("name")) : c.valueRange(policy),
                    "policy '" + f.policy() + "' has no effect in " + c.mode() + " mode: the guest already gets every host feature");
        }
    }
}
