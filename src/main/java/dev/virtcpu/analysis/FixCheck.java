package dev.virtcpu.analysis;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Keeps a fix from making things worse: its edits are applied to a copy of the document, which is
 * analysed again (without fix ladders); a fix after which some code is found more often than before is
 * not offered. A definition fix (a rename, a removed attribute) is judged by the other definition
 * findings of severity warning and above: a name that becomes known lets the host-set checks and the
 * notes about it (info) see what they could not, which reveals findings but causes none. The check
 * runs when a finding's fixes are first read, so publishing diagnostics never pays for it.
 */
public final class FixCheck {
    /** Codes of the host-set checks (the ones a definition fix may reveal). */
    public static final Set<String> HOST_CODES = Set.of("host-cpu-heterogeneous", "host-vendor-mismatch",
            "host-missing-model-feature", "host-missing-feature", "host-missing-forced-feature", "host-forbidden-feature",
            "migration-blocker", "host-strict-extra", "check-none", "nested-virt", "optional-migration", "host-set-summary");

    private final String text;
    private final AnalysisContext context;
    private final List<Finding> before;
    private final Map<List<TextEdit>, List<Finding>> after = new HashMap<>();

    FixCheck(String text, AnalysisContext context, List<Finding> before) {
        this.text = text;
        this.context = context;
        this.before = before;
    }

    /**
     * The findings with their fixes checked; the host-set fix ladders (already checked lists) are left as
     * they are. A host-set finding's own fix must add no finding at all (the summary aside).
     */
    List<Finding> checked(List<Finding> findings) {
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            if (f.fixes() instanceof Lazy || f.fixes().isEmpty()) {
                out.add(f);
                continue;
            }
            List<Fix> fixes = f.fixes();
            boolean host = HOST_CODES.contains(f.code());
            out.add(new Finding(f.code(), f.severity(), f.start(), f.end(), f.message(), f.related(),
                    new Lazy(() -> keep(fixes, host)), f.detail()));
        }
        return out;
    }

    private List<Fix> keep(List<Fix> fixes, boolean host) {
        List<Fix> out = new ArrayList<>();
        for (Fix fix : fixes) {
            List<Finding> after = findingsAfter(fix.edits());
            boolean worse = host ? added(before, after, Set.of("host-set-summary"), Severity.HINT)
                    : added(before, after, HOST_CODES, Severity.WARNING);
            if (!worse) out.add(fix);
        }
        return List.copyOf(out);
    }

    private synchronized List<Finding> findingsAfter(List<TextEdit> edits) {
        return after.computeIfAbsent(edits, e -> Analyzer.analyzeWithoutFixes(apply(text, e), context).findings());
    }

    /** Whether some code outside {@code ignored} is found more often after than before, at {@code least} or above. */
    public static boolean added(List<Finding> before, List<Finding> after, Set<String> ignored, Severity least) {
        Map<String, Integer> counts = new HashMap<>();
        for (Finding f : before) counts.merge(f.code(), 1, Integer::sum);
        for (Finding f : after) {
            if (ignored.contains(f.code()) || !f.severity().atLeast(least)) continue;
            if (counts.merge(f.code(), -1, Integer::sum) < 0) return true;
        }
        return false;
    }

    /** The text after the edits (applied from the last to the first). */
    public static String apply(String text, List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(java.util.Comparator.comparingInt(TextEdit::start).reversed());
        StringBuilder sb = new StringBuilder(text);
        for (TextEdit e : sorted) sb.replace(e.start(), e.end(), e.text());
        return sb.toString();
    }

    /** A list computed on first access; printing it does not compute it. */
    public static final class Lazy extends AbstractList<Fix> {
        private final Supplier<List<Fix>> supplier;
        private volatile List<Fix> value;

        public Lazy(Supplier<List<Fix>> supplier) {
            this.supplier = supplier;
        }

        private List<Fix> value() {
            List<Fix> v = value;
            if (v == null) {
                synchronized (this) {
                    if (value == null) value = supplier.get();
                    v = value;
                }
            }
            return v;
        }

        @Override
        public Fix get(int index) {
            return value().get(index);
        }

        @Override
        public int size() {
            return value().size();
        }

        @Override
        public String toString() {
            List<Fix> v = value;
            return v == null ? "[fixes not computed yet]" : v.toString();
        }
    }
}
