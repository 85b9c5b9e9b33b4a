package dev.virtcpu.cpu.cpuid;

import dev.virtcpu.cpu.CpuDef;
import dev.virtcpu.cpu.Decoder;
import dev.virtcpu.cpu.LibvirtException;
import dev.virtcpu.model.ArchMap;
import dev.virtcpu.model.CpuMap;
import dev.virtcpu.model.Feature;
import dev.virtcpu.model.FeatureSet;
import dev.virtcpu.model.LibvirtVersion;
import dev.virtcpu.model.Register;
import dev.virtcpu.model.Vendor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Raw CPU data → the host {@code <cpu>} libvirt reports in its capabilities
 * ({@code virCPUx86GetHost} → {@code x86DecodeCPUData}): the vendor whose CPUID leaf 0x0 string the
 * data carries, the signature of leaf 0x1, and the model that shares the most feature bits.
 */
public final class HostDecoder {
    private HostDecoder() {
    }

    /** The first release whose host CPUs print {@code <signature>}: 7.0.0's do not (its test data); 9.0.0's do. */
    static final LibvirtVersion FIRST_WITH_SIGNATURE = new LibvirtVersion(8, 0, 0);

    /** Decodes with the map's x86 part, as the map's libvirt release reports it (when the map knows its release). */
    public static CpuDef decode(CpuMap map, CpuData data) throws LibvirtException {
        CpuDef cpu = decode(map.x86(), data);
        if (map.libvirtVersion() != null && !SIGNATURE_PRINTED.computeIfAbsent(map.libvirtVersion(), HostDecoder::printsSignature)) {
            cpu.signature = null;
        }
        return cpu;
    }

    private static final Map<String, Boolean> SIGNATURE_PRINTED = new java.util.concurrent.ConcurrentHashMap<>();

    private static boolean printsSignature(String version) {
        LibvirtVersion release = LibvirtVersion.parse(version);
        return release == null || !release.isBefore(FIRST_WITH_SIGNATURE);
    }

    public static CpuDef decode(ArchMap map, CpuData data) throws LibvirtException {
        CpuidLeaf leaf1 = data.cpuid(0x1, 0);
        Decoder.Data decoded = new Decoder.Data(features(map, data), vendor(map, data), leaf1 == null ? 0 : leaf1.eax());
        CpuDef cpu = Decoder.decode(map, decoded, CpuDef.Type.HOST, List.of(), false);
        cpu.arch = "x86_64";
        return cpu;
    }

    /** The map's features whose CPUID or MSR bit is set in the data. */
    public static FeatureSet features(ArchMap map, CpuData data) {
        FeatureSet set = new FeatureSet();
        for (RegisterFeatures r : LAYOUTS.computeIfAbsent(map, HostDecoder::layout)) {
            long value = value(data, r.register());
            for (long bits = value & r.mask(); bits != 0; bits &= bits - 1) {
                set.add(r.featureAt()[Long.numberOfTrailingZeros(bits)]);
            }
        }
        return set;
    }

    /** The features of one CPUID or MSR register: their bits, and each bit's feature index. */
    private record RegisterFeatures(Register register, long mask, int[] featureAt) {
    }

    private static final Map<ArchMap, List<RegisterFeatures>> LAYOUTS = Collections.synchronizedMap(new WeakHashMap<>());

    private static List<RegisterFeatures> layout(ArchMap map) {
        Map<Register, int[]> byRegister = new LinkedHashMap<>();
        for (Feature f : map.features()) {
            if (f.register() == null || f.bit() < 0 || f.bit() > 31) continue;
            byRegister.computeIfAbsent(f.register(), r -> new int[32])[f.bit()] = f.index() + 1;
        }
        List<RegisterFeatures> out = new ArrayList<>();
        byRegister.forEach((reg, at) -> {
            long mask = 0;
            int[] index = new int[32];
            for (int bit = 0; bit < 32; bit++) {
                if (at[bit] != 0) {
                    mask |= 1L << bit;
                    index[bit] = at[bit] - 1;
                }
            }
            out.add(new RegisterFeatures(reg, mask, index));
        });
        return out;
    }

    private static long value(CpuData data, Register r) {
        if (r.kind() == Register.Kind.MSR) {
            MsrValue m = data.msr(r.leaf());
            return m == null ? 0 : Integer.toUnsignedLong(m.register(r.register()));
        }
        CpuidLeaf l = data.cpuid((int) r.leaf(), (int) r.subleaf());
        return l == null ? 0 : Integer.toUnsignedLong(l.register(r.register()));
    }

    /** x86DataToVendor: the first vendor (map order) whose leaf 0x0 EBX, EDX, ECX bits are all set. */
    public static Vendor vendor(ArchMap map, CpuData data) {
        CpuidLeaf leaf0 = data.cpuid(0, 0);
        if (leaf0 == null) return null;
        for (Vendor v : map.vendors()) {
            if (v.string() == null || v.string().length() != 12) continue;
            byte[] s = v.string().getBytes(StandardCharsets.ISO_8859_1);
            if (covers(leaf0.ebx(), s, 0) && covers(leaf0.edx(), s, 4) && covers(leaf0.ecx(), s, 8)) return v;
        }
        return null;
    }

    private static boolean covers(int register, byte[] s, int at) {
        int want = (s[at] & 0xff) | (s[at + 1] & 0xff) << 8 | (s[at + 2] & 0xff) << 16 | (s[at + 3] & 0xff) << 24;
        return (register & want) == want;
    }
}
