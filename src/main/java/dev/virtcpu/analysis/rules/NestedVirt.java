package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Fix;
import dev.virtcpu.analysis.HostNames;
import dev.virtcpu.analysis.Severity;
import dev.virtcpu.hosts.HostSet;

import java.util.ArrayList;
import java.util.List;

/** Nested virtualization (vmx or svm required or forced) on a host set where some hosts do not offer it. */
public final class NestedVirt extends Rule {
    public NestedVirt() {
        super("nested-virt", Severity.ERROR,
                "Nested virtualization (vmx/svm) requested on hosts that do not offer it to guests.", """
                A guest that runs its own VMs needs the host vendor's virtualization extension in its CPU: vmx on
                Intel, svm on AMD. KVM offers it to guests only where the CPU has it and nested support is on (the
                kvm_intel or kvm_amd module's 'nested' parameter; domcapabilities' host-model CPU then lists vmx or
                svm). Where a host does not, a required vmx/svm stops the guest from starting ('Host CPU does not
                provide required features') and a forced one leaves the guest without it. Remedy: enable nested
                virtualization on every host of the set, or, on a set of identical hosts, use host-passthrough,
                which passes the extension through where the host offers it.""");
    }

    @Override
    public void check(CpuContext c) {
        if (!c.hostChecksApply() || !c.isCustom()) return;
        for (CpuContext.GuestFeature f : c.features()) {
            if (!f.wanted() || !applies(c, f)) continue;
            List<HostSet.HostData> lacking = c.fit().against(f);
            if (lacking.isEmpty()) continue;
            String name = f.feature().name();
            List<Fix> fixes = c.hostFixes(List.of(CpuContext.fix("Remove feature '" + name + "' (no nested virtualization)",
                    c.removeElement(f.element()))));
            boolean identical = c.evaluation().homogeneous();
            c.report(this, c.valueRange(f.element().attribute("name")), "nested virtualization (" + name + ", " + f.policy() + ") is not "
                    + "offered to guests on " + HostNames.count(lacking.size(), c.hosts().size()) + " of host set '" + c.hostSetName() + "' ("
                    + HostNames.of(lacking) + "): turn nested virtualization on there (kvm_" + (name.equals("vmx") ? "intel" : "amd")
                    + " nested=1; a CPU without " + (name.equals("vmx") ? "VT-x" : "AMD-V") + " cannot offer it)"
                    + (identical ? "; the hosts are identical, so host-passthrough then gives it to the guest without naming a model" : ""),
                    CpuContext.related(lacking, "no " + name + " for guests"), fixes);
        }
    }

    /**
     * vmx or svm on a CPU of its own vendor (or of none): reported by this rule instead of
     * host-missing-feature / host-missing-forced-feature. The other vendor's extension is
     * nested-virt-vendor's, and its hosts lack it as any missing feature.
     */
    static boolean applies(CpuContext c, CpuContext.GuestFeature f) {
        String n = f.feature().name();
        String vendor = c.declaredVendor();
        if (n.equals("vmx")) return vendor == null || vendor.equals("Intel");
        if (n.equals("svm")) return vendor == null || vendor.equals("AMD") || vendor.equals("Hygon");
        return false;
    }
}
