package dev.virtcpu.cpu.cpuid;

import dev.virtcpu.model.TestMaps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * libvirt's real-CPU test data of one release ({@code src/test/resources/libvirt-cputestdata/VERSION/}):
 * the CPUID dumps {@code x86_64-cpuid-NAME.xml} and the host CPUs libvirt decodes from them,
 * {@code x86_64-cpuid-NAME-host.xml}.
 */
record LibvirtCpuTestData(String version, Path dir) {

    static LibvirtCpuTestData of(String version) {
        return new LibvirtCpuTestData(version, TestMaps.testResources().resolve("libvirt-cputestdata").resolve(version));
    }

    /** One real CPU: its dump and libvirt's expected host decode. */
    record Cpu(String name, Path dump, Path expectedHost) {
    }

    List<Cpu> cpus() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("x86_64-cpuid-") && n.endsWith("-host.xml"))
                    .sorted()
                    .map(n -> {
                        String name = n.substring("x86_64-cpuid-".length(), n.length() - "-host.xml".length());
                        return new Cpu(name, dir.resolve("x86_64-cpuid-" + name + ".xml"), dir.resolve(n));
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A dump written as {@code cpuid -1r} prints it (the input cpu-data.py turns into the XML dump). */
    static String asCpuidOutput(CpuData data) {
        StringBuilder sb = new StringBuilder("CPU:\n");
        for (CpuidLeaf l : data.leaves()) {
            sb.append(String.format("   0x%08x 0x%02x: eax=0x%08x ebx=0x%08x ecx=0x%08x edx=0x%08x\n",
                    l.eaxIn(), l.ecxIn(), l.eax(), l.ebx(), l.ecx(), l.edx()));
        }
        return sb.toString();
    }
}
