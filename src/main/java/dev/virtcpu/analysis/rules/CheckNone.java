package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Fix;
import dev.virtcpu.analysis.HostNames;
import dev.virtcpu.analysis.Severity;
import dev.virtcpu.analysis.TextEdit;
import dev.virtcpu.hosts.HostSet;
import dev.virtcpu.xml.XmlAttribute;

import java.util.ArrayList;
import java.util.List;

/** {@code check='none'} on a CPU some hosts of the set cannot provide. */
public final class CheckNone extends Rule {
    public CheckNone() {
        super("check-none", Severity.WARNING,
                "check='none' with a model or features some hosts cannot provide: the guest silently gets a different CPU there.", """
                check='none' turns libvirt's comparison of the guest CPU with the host off. On a host that lacks
                some of the model's or the listed features nothing refuses to start the guest: QEMU drops what the
                host cannot provide ('host doesn't support requested feature' in its log), so the same definition
                gives a different CPU on different hosts and live migration between them can break the guest.
                libvirt recommends check='none' only for models its domcapabilities mark usable on every host. Let
                libvirt check (remove check='none', the default is partial) and choose a CPU every host runs.""");
    }

    @Override
    public void check(CpuContext c) {
        XmlAttribute check = c.cpu().attribute("check");
        if (check == null || !"none".equals(check.value()) || !c.isCustom() || !c.hostChecksApply() || c.model() == null) return;
        HostFit fit = c.fit();
        List<HostSet.HostData> failing = new ArrayList<>(fit.failing());
        for (CpuContext.GuestFeature f : c.features()) {
            if (f.policy().equals("force")) for (HostSet.HostData h : fit.against(f)) if (!failing.contains(h)) failing.add(h);
        }
        if (failing.isEmpty()) return;
        List<Fix> fixes = c.hostFixesAfter(List.of(CpuContext.fix("Remove check='none' (libvirt then refuses hosts that cannot provide this CPU)",
                new TextEdit(whitespaceBefore(c, check.nameStart()), c.attributeRange(check)[1], ""))));
        c.report(this, c.attributeRange(check), "check='none', but " + HostNames.count(failing.size(), c.hosts().size())
                + " of host set '" + c.hostSetName() + "' cannot provide this CPU (" + HostNames.of(failing)
                + "): libvirt will not refuse to start the guest there, and it silently gets a different CPU",
                CpuContext.related(failing, "cannot provide this CPU"), fixes);
    }

    /** The attribute with the blank before it, so removing it leaves {@code <cpu mode='custom'>}. */
    private static int whitespaceBefore(CpuContext c, int start) {
        int s = start;
        while (s > 0 && Character.isWhitespace(c.text().charAt(s - 1))) s--;
        return s;
    }
}
