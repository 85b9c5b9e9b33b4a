package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Analyzer;
import dev.virtcpu.analysis.Finding;
import dev.virtcpu.analysis.FixCheck;
import dev.virtcpu.analysis.Fix;
import dev.virtcpu.analysis.Severity;
import dev.virtcpu.analysis.TextEdit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The host-set fixes of one {@code <cpu>}, best first: (1) disable just the features some hosts lack,
 * (2) the closest model every host runs, (3) the host set's guest-facing baseline. Each candidate is
 * applied to a copy of the document and analysed again; one that adds a finding is never offered, so a
 * fix cannot make things worse. The first candidate that leaves the {@code <cpu>} without host-set
 * errors and warnings is preferred and is the one {@code lint --fix} applies. Computed on first use:
 * publishing diagnostics never pays for it.
 */
final class FixLadder {
    /** Codes a host-set fix must clear for its result to count as clean. */
    static final Set<String> HOST_CODES = Set.of("host-cpu-heterogeneous", "host-vendor-mismatch",
            "host-missing-model-feature", "host-missing-feature", "host-missing-forced-feature", "host-forbidden-feature",
            "migration-blocker", "host-strict-extra", "check-none", "nested-virt", "optional-migration");

    private final CpuContext cpu;
    private final List<Finding> before;
    private final Map<List<TextEdit>, Verdict> verdicts = new HashMap<>();
    private List<Fix> ladder;

    /** A candidate's result: whether it adds a finding, and whether it clears every host-set finding. */
    private record Verdict(boolean addsFinding, boolean clean) {
    }

    /** @param before the document's findings (the live list: complete when fixes are first asked for) */
    FixLadder(CpuContext cpu, List<Finding> before) {
        this.cpu = cpu;
        this.before = before;
    }

    /**
     * The ladder and {@code specific} fixes that pass the same check ({@code specificFirst}: those
     * first), computed when first read. A specific fix that makes the same edit as a rung replaces it,
     * keeping the rung's place and flags: one action per distinct edit, named by the finding's rule.
     */
    List<Fix> with(List<Fix> specific, boolean specificFirst) {
        return new FixCheck.Lazy(() -> {
            List<Fix> rungs = new ArrayList<>();
            List<Fix> own = new ArrayList<>();
            for (Fix f : specific) if (!verdict(f.edits()).addsFinding()) own.add(f);
            for (Fix rung : ladder()) {
                Fix same = own.stream().filter(o -> o.edits().equals(rung.edits())).findFirst().orElse(null);
                if (same != null) own.remove(same);
                rungs.add(same == null ? rung : new Fix(same.title(), same.edits(), rung.preferred(), rung.safe(), rung.rung()));
            }
            List<Fix> out = new ArrayList<>(specificFirst ? own : rungs);
            for (Fix f : specificFirst ? rungs : own) {
                if (out.stream().noneMatch(o -> o.title().equals(f.title()))) out.add(f);
            }
            return List.copyOf(out);
        });
    }

    /** Only the guest-facing baseline rung (when it passes the check), for rules that offer just that. */
    List<Fix> baselineOnly() {
        return new FixCheck.Lazy(() -> {
            Fix baseline = LadderFixes.guestBaseline(cpu);
            return ladder().stream().filter(f -> baseline != null && f.edits().equals(baseline.edits())).toList();
        });
    }

    private synchronized List<Fix> ladder() {
        if (ladder != null) return ladder;
        List<Fix> candidates = new ArrayList<>();
        add(candidates, LadderFixes.disableLacking(cpu));
        add(candidates, LadderFixes.closestModel(cpu));
        add(candidates, LadderFixes.guestBaseline(cpu));
        List<Fix> out = new ArrayList<>();
        boolean chosen = false;
        for (Fix f : candidates) {
            Verdict v = verdict(f.edits());
            if (v.addsFinding()) continue;
            boolean first = v.clean() && !chosen;
            chosen |= first;
            out.add(new Fix(f.title(), f.edits(), first, first, out.size() + 1));
        }
        ladder = List.copyOf(out);
        return ladder;
    }

    private static void add(List<Fix> candidates, Fix f) {
        if (f != null && candidates.stream().noneMatch(c -> c.edits().equals(f.edits()))) candidates.add(f);
    }

    private synchronized Verdict verdict(List<TextEdit> edits) {
        return verdicts.computeIfAbsent(edits, e -> {
            List<Finding> after = Analyzer.analyzeWithoutFixes(FixCheck.apply(cpu.text(), e), cpu.analysis()).findings();
            return new Verdict(FixCheck.added(before, after, java.util.Set.of("host-set-summary"), dev.virtcpu.analysis.Severity.HINT), clean(after));
        });
    }

    private static boolean clean(List<Finding> after) {
        for (Finding f : after) {
            if (HOST_CODES.contains(f.code()) && f.severity().atLeast(Severity.WARNING)) return false;
        }
        return true;
    }

}
