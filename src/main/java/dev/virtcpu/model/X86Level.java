package dev.virtcpu.model;

import java.util.List;

/**
 * The x86-64 micro-architecture levels of the x86-64 psABI ("Micro-architecture levels"), each
 * with the CPUID features it adds to the level below, in libvirt's feature names. The psABI also
 * lists OSFXSR (v1) and OSXSAVE (v3): those are enabled by the guest's kernel, not properties of a
 * CPU model, and are left out as QEMU's {@code scripts/cpu-x86-uarch-abi.py} leaves them out.
 */
public enum X86Level {
    V1("x86-64-v1", List.of("cmov", "cx8", "fpu", "fxsr", "mmx", "syscall", "sse", "sse2")),
    V2("x86-64-v2", List.of("cx16", "lahf_lm", "popcnt", "pni", "sse4.1", "sse4.2", "ssse3")),
    V3("x86-64-v3", List.of("avx", "avx2", "bmi1", "bmi2", "f16c", "fma", "abm", "movbe")),
    V4("x86-64-v4", List.of("avx512f", "avx512bw", "avx512cd", "avx512dq", "avx512vl"));

    private final String label;
    private final List<String> added;

    X86Level(String label, List<String> added) {
        this.label = label;
        this.added = added;
    }

    /** {@code x86-64-v2}. */
    public String label() { return label; }

    /** The features this level adds to the one below (psABI names mapped to libvirt's: LAHF-SAHF is lahf_lm, SSE3 pni, LZCNT abm). */
    public List<String> added() { return added; }

    /** Every feature the level requires, its own and those of the levels below. */
    public List<String> required() {
        List<String> all = new java.util.ArrayList<>();
        for (X86Level l : values()) {
            if (l.ordinal() > ordinal()) break;
            all.addAll(l.added);
        }
        return all;
    }

    /** {@code x86-64-v2} or {@code v2}; {@code x86-64} is v1, the baseline. Null for anything else. */
    public static X86Level parse(String text) {
        if (text == null) return null;
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("x86-64") || t.equals("x86_64") || t.equals("baseline")) return V1;
        for (X86Level l : values()) {
            if (t.equals(l.label) || t.equals(l.label.substring(7)) || t.equals(l.label.replace('-', '_'))) return l;
        }
        return null;
    }

    @Override
    public String toString() { return label; }
}
