package dev.virtcpu.cpu.cpuid;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Raw x86 CPU data, as libvirt's {@code virCPUx86Data} holds it: CPUID results keyed by leaf and
 * subleaf and MSR values keyed by index, in key order. Adding a key that is already present ORs the
 * registers (libvirt's {@code virCPUx86DataAdd}).
 */
public final class CpuData {
    private final TreeMap<Long, CpuidLeaf> cpuid;
    private final TreeMap<Long, MsrValue> msrs;

    private CpuData(TreeMap<Long, CpuidLeaf> cpuid, TreeMap<Long, MsrValue> msrs) {
        this.cpuid = cpuid;
        this.msrs = msrs;
    }

    /** The result for a leaf and subleaf, or null when the data has none. */
    public CpuidLeaf cpuid(int eaxIn, int ecxIn) {
        return cpuid.get(key(eaxIn, ecxIn));
    }

    /** The value of an MSR, or null when it was not read. */
    public MsrValue msr(long index) {
        return msrs.get(index);
    }

    public List<CpuidLeaf> leaves() {
        return List.copyOf(cpuid.values());
    }

    public List<MsrValue> msrs() {
        return List.copyOf(msrs.values());
    }

    /**
     * The data with what differs between logical CPUs of one machine cleared, as libvirt's
     * {@code tests/cputestdata/cpu-data.py} does ("pretend to always run on logical processor #0"):
     * the initial APIC ID in leaf 0x1 EBX[31:24] and the x2APIC ID in EDX of leaves 0xb and 0x1f.
     */
    public CpuData masked() {
        Builder b = new Builder();
        for (CpuidLeaf l : cpuid.values()) {
            CpuidLeaf m = l;
            if (l.eaxIn() == 0x1 && l.ecxIn() == 0) {
                m = new CpuidLeaf(l.eaxIn(), l.ecxIn(), l.eax(), l.ebx() & 0x00ffffff, l.ecx(), l.edx());
            } else if (l.eaxIn() == 0xb || l.eaxIn() == 0x1f) {
                m = new CpuidLeaf(l.eaxIn(), l.ecxIn(), l.eax(), l.ebx(), l.ecx(), 0);
            }
            b.add(m);
        }
        msrs.values().forEach(b::add);
        return b.build();
    }

    private static long key(int eaxIn, int ecxIn) {
        return (Integer.toUnsignedLong(eaxIn) << 32) | Integer.toUnsignedLong(ecxIn);
    }

    /** Collects CPUID results and MSR values; repeated keys are ORed together. */
    public static final class Builder {
        private final TreeMap<Long, CpuidLeaf> cpuid = new TreeMap<>(Long::compareUnsigned);
        private final TreeMap<Long, MsrValue> msrs = new TreeMap<>(Long::compareUnsigned);

        public Builder add(CpuidLeaf leaf) {
            cpuid.merge(key(leaf.eaxIn(), leaf.ecxIn()), leaf, CpuidLeaf::or);
            return this;
        }

        public Builder add(MsrValue msr) {
            msrs.merge(msr.index(), msr, MsrValue::or);
            return this;
        }

        public boolean isEmpty() {
            return cpuid.isEmpty() && msrs.isEmpty();
        }

        public CpuData build() {
            return new CpuData(new TreeMap<>(cpuid), new TreeMap<>(msrs));
        }
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        cpuid.values().forEach(l -> parts.add(l.toString()));
        msrs.values().forEach(m -> parts.add(m.toString()));
        return String.join("\n", parts);
    }
}
