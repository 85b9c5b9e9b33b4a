package dev.virtcpu.cpu.cpuid;

import dev.virtcpu.cpu.InputException;
import dev.virtcpu.model.ArchMap;
import dev.virtcpu.model.Feature;
import dev.virtcpu.model.Register;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * This machine's CPU data, read through Linux's {@code cpuid} and {@code msr} devices of CPU 0 the
 * way libvirt's {@code virCPUx86GetHost} reads it: the CPUID leaves of {@link CpuidWalk}, then every
 * MSR the map has features in, best effort (an MSR that cannot be read is left out, as libvirt does).
 */
public final class LocalCpu {
    public static final Path CPUID_DEVICE = Path.of("/dev/cpu/0/cpuid");
    public static final Path MSR_DEVICE = Path.of("/dev/cpu/0/msr");

    /** The data, and why MSRs could not be read (null when they could). */
    public record Reading(CpuData data, String msrProblem) {
    }

    private LocalCpu() {
    }

    public static Reading read(ArchMap map) throws InputException {
        return read(map, CPUID_DEVICE, MSR_DEVICE);
    }

    static Reading read(ArchMap map, Path cpuidDevice, Path msrDevice) throws InputException {
        CpuData.Builder b;
        try (FileChannel cpuid = FileChannel.open(cpuidDevice, StandardOpenOption.READ)) {
            b = CpuidWalk.read((eax, ecx) -> cpuid(cpuid, eax, ecx));
        } catch (IOException e) {
            throw new InputException("cannot read this machine's CPUID from " + cpuidDevice + ": " + reason(e, "cpuid")
                    + "; alternatives: 'cpuid -1r | virtcpu host -' (Debian package cpuid), or 'virsh capabilities' where libvirt runs");
        }
        String msrProblem = null;
        try (FileChannel msr = FileChannel.open(msrDevice, StandardOpenOption.READ)) {
            for (long index : msrIndexes(map)) {
                ByteBuffer buf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
                try {
                    if (msr.read(buf, index) == 8) b.add(MsrValue.of(index, buf.getLong(0)));
                } catch (IOException e) {
                    // The CPU has no such MSR (EIO): libvirt leaves it out too.
                }
            }
        } catch (IOException e) {
            msrProblem = "cannot read MSRs from " + msrDevice + ": " + reason(e, "msr")
                    + "; features reported in MSRs (arch-capabilities bits, vmx-*) are left out";
        }
        return new Reading(b.build().masked(), msrProblem);
    }

    private static CpuidLeaf cpuid(FileChannel device, int eaxIn, int ecxIn) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        long position = (Integer.toUnsignedLong(ecxIn) << 32) | Integer.toUnsignedLong(eaxIn);
        while (buf.hasRemaining()) {
            if (device.read(buf, position + buf.position()) < 0) throw new IOException("short read");
        }
        return new CpuidLeaf(eaxIn, ecxIn, buf.getInt(0), buf.getInt(4), buf.getInt(8), buf.getInt(12));
    }

    /** The MSR indexes of the map's features, in map order (virCPUx86ListMSRs). */
    static List<Long> msrIndexes(ArchMap map) {
        Set<Long> out = new LinkedHashSet<>();
        for (Feature f : map.features()) {
            Register r = f.register();
            if (r != null && r.kind() == Register.Kind.MSR) out.add(r.leaf());
        }
        return new ArrayList<>(out);
    }

    private static String reason(IOException e, String module) {
        if (e instanceof NoSuchFileException) return "no such device (load the " + module + " kernel module: modprobe " + module + ")";
        if (e instanceof AccessDeniedException) return "permission denied (run as root)";
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
