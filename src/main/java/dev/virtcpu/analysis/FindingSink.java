package dev.virtcpu.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects findings, applying the context's severity overrides and dropping those turned off. Messages
 * are made {@link Printable}; past {@link #MAX_FINDINGS} findings are only counted, and
 * {@link #findings()} ends with one that says how many more there were.
 */
public final class FindingSink {
    /** Findings listed per document: more is noise in an editor and megabytes in a CI log. */
    public static final int MAX_FINDINGS = 1000;

    private final AnalysisContext context;
    public final List<Finding> findings = new ArrayList<>();
    private int unlisted;
    private int firstUnlisted;
    private Severity worstUnlisted = Severity.HINT;

    public FindingSink(AnalysisContext context) {
        this.context = context;
    }

    public void add(String code, int[] range, String message) {
        add(code, range, message, List.of(), List.of());
    }

    public void add(String code, int[] range, String message, List<Fix> fixes) {
        add(code, range, message, List.of(), fixes);
    }

    public void add(String code, int[] range, String message, List<Related> related, List<Fix> fixes) {
        add(code, context.severityOf(code), range, message, related, fixes, null);
    }

    /** @param detail Markdown shown on hover (null: none) */
    public void add(String code, int[] range, String message, List<Related> related, List<Fix> fixes, String detail) {
        add(code, context.severityOf(code), range, message, related, fixes, detail);
    }

    /**
     * A finding whose severity depends on the case ({@code defaultSeverity}, e.g. an error for one
     * kind and info for another); a severity configured for the code still wins.
     */
    public void add(String code, Severity defaultSeverity, int[] range, String message, List<Related> related, List<Fix> fixes) {
        add(code, defaultSeverity, range, message, related, fixes, null);
    }

    private void add(String code, Severity defaultSeverity, int[] range, String message, List<Related> related, List<Fix> fixes,
                     String detail) {
        Severity configured = context.severities() == null ? null : context.severities().get(code);
        Severity s = configured != null ? configured : defaultSeverity;
        if (s == Severity.OFF) return;
        if (findings.size() >= MAX_FINDINGS) {
            if (unlisted++ == 0) firstUnlisted = range[0];
            if (s.atLeast(worstUnlisted)) worstUnlisted = s;
            return;
        }
        findings.add(new Finding(code, s, range[0], range[1], Printable.message(message), related, fixes, detail));
    }

    /** Whether another finding would still be listed (past the cap, findings are only counted). */
    public boolean listsMore() {
        return findings.size() < MAX_FINDINGS;
    }

    /** The number of findings listed so far (a mark for {@link #sortFrom}). */
    public int mark() {
        return findings.size();
    }

    /** Puts the findings listed since {@code mark} in document order (stable: ties keep their order). */
    public void sortFrom(int mark) {
        findings.subList(mark, findings.size()).sort(java.util.Comparator.comparingInt(Finding::start));
    }

    /** The findings, and one for those past the cap (with the worst severity among them). */
    public List<Finding> findings() {
        if (unlisted == 0) return findings;
        List<Finding> out = new ArrayList<>(findings);
        out.add(new Finding(Codes.MORE_FINDINGS, worstUnlisted, firstUnlisted, firstUnlisted + 1, unlisted
                + " more finding" + (unlisted == 1 ? "" : "s") + " not listed (the first " + MAX_FINDINGS + " are)",
                List.of(), List.of()));
        return out;
    }
}
