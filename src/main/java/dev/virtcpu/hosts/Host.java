package dev.virtcpu.hosts;

import dev.virtcpu.cpu.CpuDef;

import java.nio.file.Path;

/**
 * One host of a host set: its name (file name, or the name given in the configuration), the file it
 * comes from (0-based line and column of its CPU element), and its CPU (a host CPU, or a domcapabilities host-model CPU with policies),
 * with QEMU's verdict on the custom models when the file is domcapabilities (null otherwise).
 */
public record Host(String name, Path file, int line, int column, CpuDef cpu, ModelUsability usability) {
    public Host(String name, Path file, int line, int column, CpuDef cpu) {
        this(name, file, line, column, cpu, null);
    }

    /** A domcapabilities host-model CPU: already what the hypervisor gives a guest. */
    public boolean isHypervisorView() {
        return cpu.type == CpuDef.Type.GUEST;
    }
}
