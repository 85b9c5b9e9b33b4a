package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Fix;
import dev.virtcpu.analysis.Severity;
import dev.virtcpu.analysis.Suggestions;
import dev.virtcpu.model.Feature;
import dev.virtcpu.xml.XmlAttribute;
import dev.virtcpu.xml.XmlElement;
import java.util.ArrayList;
import java.util.List;

/** A QEMU or Linux spelling of a feature (pclmulqdq, sse4_1): libvirt accepts only its own name. */
public final class FeatureAlias extends Rule {
    public FeatureAlias() {
        super("feature-alias", Severity.ERROR, "A QEMU or Linux spelling of a feature; libvirt only accepts its own name.", """
                The cpu_map records QEMU's and Linux's spellings (pclmulqdq, sse4_1, …) as aliases for syncing with
                QEMU only; libvirt's CPU driver rejects them as unknown features. Write libvirt's name (pclmuldq,
                sse4.1, …); the quick fix renames it, or merges it into the element that already uses libvirt's
                name.""");
    }

    /**
     * The rename; when the cpu already lists the canonical spelling, the two merge into that element
     * (lint --fix does it only when both have the same policy: otherwise which one was meant is unclear).
     */
    private static Fix fix(CpuContext c, XmlElement alias, Feature canonical, int[] range) {
        for (XmlElement other : c.cpu().elements("feature")) {
            if (other == alias || !canonical.name().equals(other.attr("name"))) continue;
            boolean samePolicy = policy(other).equals(policy(alias));
            return new Fix("Remove this <feature> (" + canonical.name() + ", its libvirt spelling, is listed already"
                    + (samePolicy ? "" : " with policy " + policy(other)) + ")", List.of(c.removeElement(alias)), true, samePolicy);
        }
        return new Fix("Change to '" + canonical.name() + "'", List.of(c.replace(range, canonical.name())), true, true);
    }

    private static String policy(XmlElement feature) {
        return feature.attr("policy") == null ? "require" : feature.attr("policy");
    }

    @Override
    public void check(CpuContext c) {
        for (XmlElement f : c.cpu().elements("feature")) {
            XmlAttribute nameAttr = f.attribute("name");
            String name = nameAttr == null ? null : nameAttr.value();
            if (name == null || name.isEmpty() || c.map().feature(name) != null) continue;
            Feature canonical = c.map().featureByAlias(name);
            if (canonical == null) continue;
            int[] range = c.valueRange(nameAttr);
            c.report(this, range, "Unknown CPU feature " + name + ": libvirt calls it '" + canonical.name() + "' (" + name
                    + " is the QEMU/Linux spelling)", List.of(fix(c, f, canonical, range)));
        }
    }
}
