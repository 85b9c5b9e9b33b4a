package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.BaselineEdit;
import dev.virtcpu.analysis.Severity;
import dev.virtcpu.hosts.HostSet;

/** How many hosts of the host set can run the CPU definition. */
public final class HostSetSummary extends Rule {
    public HostSetSummary() {
        super("host-set-summary", Severity.INFO, "How many hosts of the host set can run this CPU definition.", """
                A summary of the host checks for this <cpu>: how many hosts of the host set can run it, and the set's
                baseline, the CPU every host can run. Editors show it as a code lens; lint reports it at
                --severity info.""");
    }

    @Override
    public void check(CpuContext c) {
        if (!c.hostChecksApply()) return;
        int total = c.hosts().size();
        int ok = total - (c.isCustom() ? c.fit().failing().size() : 0);
        String msg = "runs on " + ok + " of " + total + " host" + (total == 1 ? "" : "s") + " of host set '" + c.hostSetName() + "'";
        HostSet.Evaluation eval = c.evaluation();
        if (eval.baseline() != null) msg += "; baseline: " + BaselineEdit.summary(eval.baseline());
        c.report(this, c.nameRange(c.cpu()), msg);
    }
}
