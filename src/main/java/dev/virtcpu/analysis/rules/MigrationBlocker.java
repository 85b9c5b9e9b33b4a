package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Severity;

/** A non-migratable feature required in a migration pool. */
public final class MigrationBlocker extends Rule {
    public MigrationBlocker() {
        super("migration-blocker", Severity.WARNING,
                "A feature marked non-migratable in libvirt's CPU map (invtsc, xsaves) blocks live migration.", """
                libvirt's CPU map marks some features migratable='no' (invtsc: the TSC frequency differs between
                hosts; xsaves). A guest that requires one cannot be live-migrated, and --migratable baselines leave
                them out. In a host set used as a migration pool (any set of more than one host unless
                "migratable": false in .virtcpu.json) remove the feature.""");
    }

    @Override
    public void check(CpuContext c) {
        if (!c.hostChecksApply() || !c.isCustom() || !c.migrationPool()) return;
        for (dev.virtcpu.model.Feature f : c.migrationBlockersOf(c.model())) {
            c.report(this, c.textRange(c.cpu().element("model")), "CPU model " + c.model().name() + " includes '" + f.name()
                    + "', which blocks live migration (migratable='no' in libvirt's CPU map), but host set '" + c.hostSetName()
                    + "' is a migration pool", c.hostFixes(java.util.List.of(CpuContext.fix("Disable '" + f.name() + "'",
                    c.insertFeature("disable", f.name())))));
        }
        for (CpuContext.GuestFeature f : c.features()) {
            if (f.feature().migratable() || !f.wanted()) continue;
            String name = f.feature().name();
            c.report(this, c.valueRange(f.element().attribute("name")), "'" + name + "' blocks live migration (migratable='no' in "
                    + "libvirt's CPU map), but host set '" + c.hostSetName() + "' is a migration pool",
                    c.hostFixes(java.util.List.of(CpuContext.fix("Remove feature '" + name + "'", c.removeElement(f.element())))));
        }
    }
}
