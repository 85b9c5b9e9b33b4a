package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.HostNames;
import dev.virtcpu.analysis.Severity;
import dev.virtcpu.hosts.HostSet;

import java.util.List;

/** Hosts whose CPU vendor differs from the required {@code <vendor>}. */
public final class HostVendorMismatch extends Rule {
    public HostVendorMismatch() {
        super("host-vendor-mismatch", Severity.ERROR, "Hosts whose CPU vendor differs from the required <vendor>.", """
                A <vendor> in a custom CPU must match the host CPU's vendor: libvirt's comparison fails with 'host CPU
                vendor does not match required CPU vendor' and the guest does not start on those hosts. libvirt cannot
                mix Intel and AMD hosts in one baseline either; give such hosts their own host set.""");
    }

    @Override
    public void check(CpuContext c) {
        List<HostSet.HostData> wrong = c.fit().vendorMismatch();
        if (wrong.isEmpty()) return;
        String vendor = c.knownVendor();
        c.report(this, c.textRange(c.cpu().element("vendor")), "host CPU vendor does not match required CPU vendor " + vendor
                + " on " + HostNames.count(wrong.size(), c.hosts().size()) + ": " + HostNames.of(wrong),
                CpuContext.related(wrong, "vendor " + vendor + " required"), c.hostFixes(java.util.List.of()));
    }
}
