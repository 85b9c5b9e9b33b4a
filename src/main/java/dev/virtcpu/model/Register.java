package dev.virtcpu.model;

/** Where an x86 feature bit lives: a CPUID leaf/subleaf register or an MSR register. */
public record Register(Kind kind, long leaf, long subleaf, String register) {
    public enum Kind { CPUID, MSR }

    public static Register cpuid(long eaxIn, long ecxIn, String reg) {
        return new Register(Kind.CPUID, eaxIn, ecxIn, reg);
    }

    public static Register msr(long index, String reg) {
        return new Register(Kind.MSR, index, 0, reg);
    }

    /** Human form, e.g. {@code CPUID 0x7.0 EBX} or {@code MSR 0x10a EAX}. */
    public String describe() {
        if (kind == Kind.MSR) return String.format("MSR 0x%x %s", leaf, register.toUpperCase());
        return String.format("CPUID 0x%x.%d %s", leaf, subleaf, register.toUpperCase());
    }
}
