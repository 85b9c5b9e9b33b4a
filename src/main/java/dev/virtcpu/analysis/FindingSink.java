package dev.virtcpu.analysis;

import java.util.ArrayList;
import java.util.List;

/** Collects findings, applying the context's severity overrides and dropping those turned off. */
public final class FindingSink {
    private final AnalysisContext context;
    public final List<Finding> findings = new ArrayList<>();

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
        Severity s = context.severityOf(code);
        if (s == Severity.OFF) return;
        findings.add(new Finding(code, s, range[0], range[1], message, related, fixes));
    }
}
