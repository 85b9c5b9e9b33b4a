package dev.virtcpu.cpu.cpuid;

/** One CPUID result: the leaf ({@code eax_in}) and subleaf ({@code ecx_in}) asked for, and the four registers. */
public record CpuidLeaf(int eaxIn, int ecxIn, int eax, int ebx, int ecx, int edx) {

    /** The value of a register by its lower-case name ({@code eax} … {@code edx}). */
    public int register(String name) {
        return switch (name) {
            case "eax" -> eax;
            case "ebx" -> ebx;
            case "ecx" -> ecx;
            case "edx" -> edx;
            default -> 0;
        };
    }

    CpuidLeaf or(CpuidLeaf o) {
        return new CpuidLeaf(eaxIn, ecxIn, eax | o.eax, ebx | o.ebx, ecx | o.ecx, edx | o.edx);
    }

    boolean isZero() {
        return eax == 0 && ebx == 0 && ecx == 0 && edx == 0;
    }
}
