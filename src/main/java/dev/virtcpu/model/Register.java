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
        // Concatenation, not String.format: hover details describe every feature of every host group.
        String name = register.toUpperCase(java.util.Locale.ROOT);
        if (kind == Kind.MSR) return "MSR 0x" + Long.toHexString(leaf) + " " + name;
        return "CPUID 0x" + Long.toHexString(leaf) + "." + subleaf + " " + name;
    }
}
