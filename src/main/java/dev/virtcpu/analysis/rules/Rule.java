package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Severity;

/**
 * One finding code: its stable code string, default severity, one-line summary and a short rationale
 * (why it matters, what libvirt and QEMU do, how to fix it). A rule that judges a guest {@code <cpu>}
 * overrides {@link #check}; rules whose findings are made elsewhere (document-level problems, and the
 * structure checks not yet moved into their rules) only describe their code.
 *
 * <p>Adding a rule: write a small subclass, list it in {@link Rules#ALL}, regenerate README's "Rules"
 * section (the test that checks it prints the text).
 */
public abstract class Rule {
    private final String code;
    private final Severity defaultSeverity;
    private final String summary;
    private final String rationale;

    protected Rule(String code, Severity defaultSeverity, String summary, String rationale) {
        this.code = code;
        this.defaultSeverity = defaultSeverity;
        this.summary = summary;
        this.rationale = rationale.strip().replaceAll("\\s*\n\\s*", " ");
    }

    /** The stable code findings carry (configurable in {@code .virtcpu.json} "severity"). */
    public final String code() {
        return code;
    }

    public final Severity defaultSeverity() {
        return defaultSeverity;
    }

    /** One line: what the finding says. */
    public final String summary() {
        return summary;
    }

    /** A short paragraph: why it matters, what libvirt/QEMU do, how to fix it. */
    public final String rationale() {
        return rationale;
    }

    /** Checks one guest {@code <cpu>}; the default does nothing. */
    public void check(CpuContext cpu) {
    }

    @Override
    public String toString() {
        return code;
    }
}
