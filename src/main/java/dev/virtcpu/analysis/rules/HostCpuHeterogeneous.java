package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.BaselineEdit;
import dev.virtcpu.analysis.Severity;
import dev.virtcpu.hosts.HostSet;

/** host-model or host-passthrough on hosts whose CPUs differ. */
public final class HostCpuHeterogeneous extends Rule {
    public HostCpuHeterogeneous() {
        super("host-cpu-heterogeneous", Severity.WARNING,
                "host-model or host-passthrough on a host set whose CPUs differ: the guest CPU changes with the host and migration between them can fail.", """
                host-passthrough and maximum give the guest the CPU of the host it starts on, host-model a copy of it
                made at start. On hosts with different CPUs the guest sees a different CPU depending on where it
                starts, and live migration to a host with fewer features fails. A custom CPU every host can run (the
                quick fix inserts the host set's baseline) keeps the guest CPU the same everywhere.""");
    }

    @Override
    public void check(CpuContext c) {
        if (!c.hostChecksApply() || c.isCustom()) return;
        HostSet.Evaluation eval = c.evaluation();
        if (eval.homogeneous()) return;
        String hint = c.guestBaseline() == null ? "" : "; the set's baseline is " + BaselineEdit.summary(c.guestBaseline());
        c.report(this, c.nameRange(c.cpu()), c.mode() + " on host set '" + c.hostSetName() + "', whose " + c.hosts().size()
                + " hosts have different CPUs: the guest CPU depends on where it starts "
                + "and live migration to a host with fewer features fails" + hint, c.hostFixes(java.util.List.of()));
    }
}
