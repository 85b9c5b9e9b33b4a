package dev.virtcpu.cpu.cpuid;

import dev.virtcpu.cpu.InputException;

/**
 * CPU data from text: libvirt's CPU data XML when it starts with '<', otherwise {@code cpuid -1r}
 * output. Either way the per-logical-CPU fields are masked ({@link CpuData#masked()}), so two
 * dumps of one machine taken on different CPUs are the same data.
 */
public final class CpuDataInput {
    private CpuDataInput() {
    }

    /** @param name the input's name as the user gave it (used in messages) */
    public static CpuData parse(String text, String name) throws InputException {
        if (text.isBlank()) {
            throw new InputException(name + ": empty: expected libvirt CPU data XML (<cpudata arch='x86'>) or 'cpuid -1r' output");
        }
        CpuData data = CpuidText.looksLikeCpuid(text) ? CpuidText.parse(text, name) : CpuDataXml.parse(text, name);
        return data.masked();
    }

    /** True for file names virtcpu reads as {@code cpuid -1r} output in host sets. */
    public static boolean isCpuidFileName(String fileName) {
        return fileName.endsWith(".cpuid") || fileName.endsWith(".txt");
    }
}
