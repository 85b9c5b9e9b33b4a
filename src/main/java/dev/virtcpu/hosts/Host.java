package dev.virtcpu.hosts;

import dev.virtcpu.cpu.CpuDef;

import java.nio.file.Path;

/**
 * One host of a host set: its name (file name, or the name given in the configuration), the file it
 * comes from (0-based line and column of its CPU element), and its CPU (a host CPU, or a domcapabilities host-model CPU with policies).
 */
public record Host(String name, Path file, int line, int column, CpuDef cpu) {
}
