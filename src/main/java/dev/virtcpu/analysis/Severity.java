package dev.virtcpu.analysis;

/** How serious a finding is; {@code OFF} suppresses it (configurable per code). */
public enum Severity {
    ERROR, WARNING, INFO, HINT, OFF;

    public String label() { return name().toLowerCase(); }

    public static Severity parse(String s) {
        if (s == null) return null;
        for (Severity v : values()) {
            if (v.label().equals(s)) return v;
        }
        return null;
    }

    public boolean atLeast(Severity threshold) { return this != OFF && ordinal() <= threshold.ordinal(); }
}
