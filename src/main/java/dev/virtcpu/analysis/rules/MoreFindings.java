package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Severity;

/** Findings past the per-file cap, counted in one. */
public final class MoreFindings extends Rule {
    public MoreFindings() {
        super("more-findings", Severity.INFO, "How many findings past the first 1000 of a file were not listed.", """
                A file with more than 1000 findings (or a host or configuration file with more than 1000 problems)
                lists the first 1000 and then this one, which counts the rest and takes the worst severity among
                them. Fix the first ones: the rest are usually the same mistake repeated.""");
    }
}
