package dev.virtcpu.cpu.cpuid;

/**
 * Which CPUID leaves and subleaves libvirt reads from a live CPU ({@code cpuidSet} and its
 * {@code cpuidSetLeaf*} helpers in {@code cpu_x86.c}): every basic leaf up to the highest one leaf 0x0
 * announces and every extended leaf up to the one 0x80000000 announces, with the subleaves each leaf
 * documents as valid.
 */
public final class CpuidWalk {
    /** Executes CPUID with the given EAX and ECX inputs. */
    @FunctionalInterface
    public interface Cpu {
        CpuidLeaf cpuid(int eaxIn, int ecxIn) throws java.io.IOException;
    }

    private static final int MAX_SUBLEAVES = 64;

    private final Cpu cpu;
    private final CpuData.Builder out = new CpuData.Builder();

    private CpuidWalk(Cpu cpu) {
        this.cpu = cpu;
    }

    public static CpuData.Builder read(Cpu cpu) throws java.io.IOException {
        CpuidWalk w = new CpuidWalk(cpu);
        w.range(0);
        w.range(CpuidText.EXTENDED);
        return w.out;
    }

    private void range(int base) throws java.io.IOException {
        int max = cpu.cpuid(base, 0).eax();
        if (Integer.compareUnsigned(max, base) < 0) return;
        // A CPU without the range may answer with unrelated data: never walk more than 256 leaves.
        int last = Integer.compareUnsigned(max - base, 0xff) > 0 ? base + 0xff : max;
        for (int leaf = base; Integer.compareUnsigned(leaf, last) <= 0; leaf++) {
            CpuidLeaf sub0 = cpu.cpuid(leaf, 0);
            switch (leaf) {
                case 0x4 -> whileMask(sub0, 0x1f);
                case 0x7, 0x14 -> upTo(sub0, sub0.eax());
                case 0xb -> topology(sub0);
                case 0xd -> xsave(sub0);
                case 0xf -> resources(sub0, sub0.edx());
                case 0x10 -> resources(sub0, sub0.ebx());
                case 0x12 -> sgx(sub0);
                case 0x17 -> { if (sub0.eax() >= 3) upTo(sub0, sub0.eax()); }
                default -> out.add(sub0);
            }
        }
    }

    /** Leaf 0x4: subleaf n+1 is valid while EAX[4:0] of subleaf n is not 0. */
    private void whileMask(CpuidLeaf sub0, int mask) throws java.io.IOException {
        out.add(sub0);
        CpuidLeaf l = sub0;
        for (int sub = 1; (l.eax() & mask) != 0 && sub < MAX_SUBLEAVES; sub++) {
            l = cpu.cpuid(sub0.eaxIn(), sub);
            out.add(l);
        }
    }

    /** Leaves 0x7, 0x14, 0x17: subleaf 0 gives the highest valid subleaf in EAX. */
    private void upTo(CpuidLeaf sub0, int max) throws java.io.IOException {
        out.add(sub0);
        for (int sub = 1; Integer.compareUnsigned(sub, max) <= 0 && sub < MAX_SUBLEAVES; sub++) out.add(cpu.cpuid(sub0.eaxIn(), sub));
    }

    /** Leaf 0xb: subleaves are valid while ECX[15:8] is not 0 (subleaf 0 only then). */
    private void topology(CpuidLeaf sub0) throws java.io.IOException {
        CpuidLeaf l = sub0;
        for (int sub = 1; (l.ecx() & 0xff00) != 0 && sub <= MAX_SUBLEAVES; sub++) {
            out.add(l);
            l = cpu.cpuid(0xb, sub);
        }
    }

    /** Leaf 0xd: subleaves 0 and 1, and subleaf n ≥ 2 when bit n of subleaf 0 EAX:EDX or subleaf 1 ECX:EDX is set. */
    private void xsave(CpuidLeaf sub0) throws java.io.IOException {
        out.add(sub0);
        CpuidLeaf sub1 = cpu.cpuid(0xd, 1);
        out.add(sub1);
        for (int sub = 2; sub < 64; sub++) {
            boolean valid = sub < 32
                    ? ((sub0.eax() | sub1.ecx()) & (1 << sub)) != 0
                    : ((sub0.edx() | sub1.edx()) & (1 << (sub - 32))) != 0;
            if (valid) out.add(cpu.cpuid(0xd, sub));
        }
    }

    /** Leaves 0xf and 0x10: subleaf n is valid when bit n of the resource mask is set. */
    private void resources(CpuidLeaf sub0, int mask) throws java.io.IOException {
        out.add(sub0);
        for (int sub = 1; sub < 32; sub++) {
            if ((mask & (1 << sub)) != 0) out.add(cpu.cpuid(sub0.eaxIn(), sub));
        }
    }

    /** Leaf 0x12 (SGX): only when leaf 0x7 EBX[2] is set; subleaves ≥ 2 while EAX[3:0] is not 0. */
    private void sgx(CpuidLeaf sub0) throws java.io.IOException {
        CpuidLeaf leaf7 = out.build().cpuid(0x7, 0);
        if (leaf7 == null || (leaf7.ebx() & (1 << 2)) == 0) return;
        out.add(sub0);
        out.add(cpu.cpuid(0x12, 1));
        CpuidLeaf l = cpu.cpuid(0x12, 2);
        for (int sub = 3; (l.eax() & 0xf) != 0 && sub < MAX_SUBLEAVES; sub++) {
            out.add(l);
            l = cpu.cpuid(0x12, sub);
        }
    }
}
