package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.BaselineEdit;
import dev.virtcpu.analysis.Severity;

/** How many hosts of the host set can run the CPU definition. */
public final class HostSetSummary extends Rule {
    public HostSetSummary() {
        super("host-set-summary", Severity.INFO, "How many hosts of the host set can run this CPU definition.", """
                A summary of the host checks for this <cpu>: how many hosts of the host set can run it, and the set's
                guest-facing baseline, the CPU QEMU/KVM can give a guest on every host (without migration blockers
                when the set is a migration pool). Editors show it as a code lens; lint reports it at --severity
                info.""");
    }

    @Override
    public void check(CpuContext c) {
        if (!c.hostChecksApply()) return;
        int total = c.hosts().size();
        int ok = c.isCustom() ? c.fit().runsOn(total) : total;
        String msg = "runs on " + ok + " of " + total + " host" + (total == 1 ? "" : "s") + " of host set '" + c.hostSetName() + "'";
        if (c.guestBaseline() != null) msg += "; baseline: " + BaselineEdit.summary(c.guestBaseline());
        c.report(this, c.nameRange(c.cpu()), msg);
    }
}
