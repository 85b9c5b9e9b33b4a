package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.HostNames;
import dev.virtcpu.analysis.Severity;
import dev.virtcpu.hosts.HostSet;

import java.util.List;

/** A forbidden {@code <feature>} that some hosts have. */
public final class HostForbiddenFeature extends Rule {
    public HostForbiddenFeature() {
        super("host-forbidden-feature", Severity.ERROR, "A forbidden feature that some hosts have: the VM cannot start there.", """
                policy='forbid' makes the guest refuse to start on any host whose CPU has the feature ('Host CPU
                provides forbidden feature'), unless check='none'. To keep the feature from the guest on every host,
                use policy='disable' instead.""");
    }

    @Override
    public void check(CpuContext c) {
        for (CpuContext.GuestFeature f : c.features()) {
            if (!f.policy().equals("forbid")) continue;
            List<HostSet.HostData> having = c.fit().against(f);
            if (having.isEmpty()) continue;
            String name = f.feature().name();
            c.report(this, c.valueRange(f.element().attribute("name")), "Host CPU provides forbidden feature '" + name + "' on "
                    + HostNames.count(having.size(), c.hosts().size()) + ": " + HostNames.of(having),
                    CpuContext.related(having, "has " + name), c.hostFixes(java.util.List.of()));
        }
    }
}
