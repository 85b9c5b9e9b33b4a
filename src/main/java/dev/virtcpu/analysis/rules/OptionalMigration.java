package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Fix;
import dev.virtcpu.analysis.HostNames;
import dev.virtcpu.analysis.Severity;
import dev.virtcpu.hosts.HostSet;
import dev.virtcpu.xml.XmlAttribute;

import java.util.ArrayList;
import java.util.List;

/** An {@code optional} feature that only some hosts of a migration pool have. */
public final class OptionalMigration extends Rule {
    public OptionalMigration() {
        super("optional-migration", Severity.WARNING,
                "policy='optional' on a feature some hosts of a migration pool lack: guests started elsewhere cannot move there.", """
                libvirt resolves optional when the guest starts: the feature becomes require where the host has it
                and disable where it does not (virCPUUpdate). A guest started on a host with the feature therefore
                requires it from then on, and live migration to a host of the pool without it fails ('Host CPU does
                not provide required features'). The message names the hosts that lack it. Use disable (or require,
                with hosts that all have it) so the guest's CPU is the same wherever it starts.""");
    }

    @Override
    public void check(CpuContext c) {
        if (!c.hostChecksApply() || c.isPassthrough() || !c.migrationPool()) return;
        for (CpuContext.GuestFeature f : c.features()) {
            if (!f.policy().equals("optional")) continue;
            List<HostSet.HostData> lacking = new ArrayList<>();
            for (HostSet.HostData h : c.hosts()) if (!h.has(f.feature().index())) lacking.add(h);
            if (lacking.isEmpty() || lacking.size() == c.hosts().size()) continue;
            String name = f.feature().name();
            XmlAttribute policy = f.element().attribute("policy");
            // Disabling what the model lacks does nothing: then the element simply goes.
            boolean inModel = c.model() != null && c.model().data().contains(f.feature().index());
            List<Fix> fixes = c.hostFixesAfter(List.of(inModel
                    ? CpuContext.fix("Change policy to 'disable' (the same CPU on every host)", c.replace(c.valueRange(policy), "disable"))
                    : CpuContext.fix("Remove feature '" + name + "' (the same CPU on every host)", c.removeElement(f.element()))));
            c.report(this, c.valueRange(policy), "optional feature '" + name + "' is missing on " + HostNames.count(lacking.size(),
                    c.hosts().size()) + " of migration pool '" + c.hostSetName() + "' (" + HostNames.of(lacking) + "): a guest started on a host "
                    + "that has it requires it from then on and cannot migrate there", CpuContext.related(lacking, "lacks " + name), fixes);
        }
    }
}
