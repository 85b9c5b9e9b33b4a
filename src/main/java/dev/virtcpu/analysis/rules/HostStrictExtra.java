package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.HostNames;
import dev.virtcpu.analysis.Severity;

/** match='strict' on hosts with features the guest CPU does not list. */
public final class HostStrictExtra extends Rule {
    public HostStrictExtra() {
        super("host-strict-extra", Severity.ERROR, "match='strict': hosts with features the guest CPU does not list.", """
                match='strict' means the host CPU must not have any feature the guest CPU does not describe: libvirt
                fails with 'Host CPU does not strictly match guest CPU: Extra features'. Almost every host has extra
                features, so strict rarely works on a fleet; use match='exact' (the default).""");
    }

    @Override
    public void check(CpuContext c) {
        for (HostFit.Extras e : c.fit().strictExtras()) {
            c.report(this, c.attributeRange(c.cpu().attribute("match")), "Host CPU does not strictly match guest CPU: "
                    + "Extra features: " + e.names() + " on " + HostNames.count(e.hosts().size(), c.hosts().size()) + ": "
                    + HostNames.of(e.hosts()), CpuContext.related(e.hosts(), "extra features"), c.hostFixes(java.util.List.of()));
        }
    }
}
