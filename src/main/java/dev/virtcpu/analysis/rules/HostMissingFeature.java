package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Fix;
import dev.virtcpu.analysis.HostNames;
import dev.virtcpu.analysis.Severity;
import dev.virtcpu.hosts.HostSet;

import java.util.ArrayList;
import java.util.List;

/** A required {@code <feature>} that some hosts lack. */
public final class HostMissingFeature extends Rule {
    public HostMissingFeature() {
        super("host-missing-feature", Severity.ERROR,
                "A required feature that some hosts of the host set lack: the VM cannot start there.", """
                policy='require' (the default) means the guest must get the feature: on a host without it libvirt's
                check before start fails with 'Host CPU does not provide required features' and migration to it fails.
                Remove the feature, disable it, or check the guest against a host set that has it.""");
    }

    @Override
    public void check(CpuContext c) {
        for (CpuContext.GuestFeature f : c.features()) {
            if (f.policy().equals("require") && !NestedVirt.applies(c, f)) report(this, c, f, "required", "");
        }
    }

    /** The finding of a wanted feature some hosts lack (shared with the forced-feature rule). */
    static void report(Rule rule, CpuContext c, CpuContext.GuestFeature f, String what, String why) {
        List<HostSet.HostData> lacking = c.fit().against(f);
        if (lacking.isEmpty()) return;
        String name = f.feature().name();
        List<Fix> specific = new ArrayList<>();
        specific.add(CpuContext.fix("Remove feature '" + name + "'", c.removeElement(f.element())));
        specific.add(CpuContext.fix("Change policy of '" + name + "' to 'disable'", c.disable(f)));
        List<Fix> fixes = c.hostFixes(specific);
        int index = f.feature().index();
        boolean hidden = lacking.stream().allMatch(h -> h.has(index));
        String where = HostNames.count(lacking.size(), c.hosts().size()) + " of host set '" + c.hostSetName() + "': " + HostNames.of(lacking);
        String message = (hidden ? what + " feature '" + name + "' is not given to guests by QEMU/KVM on " + where
                + " (the host CPUs have it, but KVM does not expose it)" : what + " feature '" + name + "' is missing on " + where) + why;
        c.report(rule, c.valueRange(f.element().attribute("name")), message,
                CpuContext.related(lacking, hidden ? "QEMU/KVM does not give guests " + name : "lacks " + name), fixes);
    }
}
