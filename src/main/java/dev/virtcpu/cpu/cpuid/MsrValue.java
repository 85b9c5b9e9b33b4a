package dev.virtcpu.cpu.cpuid;

/** One model-specific register's 64-bit value, as libvirt keeps it: the low ({@code eax}) and high ({@code edx}) halves. */
public record MsrValue(long index, int eax, int edx) {

    /** The value of a half by its lower-case name ({@code eax} or {@code edx}). */
    public int register(String name) {
        return switch (name) {
            case "eax" -> eax;
            case "edx" -> edx;
            default -> 0;
        };
    }

    public static MsrValue of(long index, long value) {
        return new MsrValue(index, (int) value, (int) (value >>> 32));
    }

    MsrValue or(MsrValue o) {
        return new MsrValue(index, eax | o.eax, edx | o.edx);
    }
}
