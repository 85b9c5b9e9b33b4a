package dev.virtcpu.cpu.cpuid;

import dev.virtcpu.cli.CliRun;
import dev.virtcpu.model.BundledMap;
import dev.virtcpu.model.TestMaps;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The host CPU libvirt's own test suite expects from each real CPU's CPUID dump ({@code cputest.c},
 * {@code DO_TEST_CPUID} host decode), reproduced byte for byte with the cpu_map of the same libvirt
 * release, through {@code virtcpu host}: 7.0.0 (no {@code <signature>} yet), 9.0.0 (base model names)
 * and 11.3.0 (versioned {@code -vN} names, spec §3.1) with {@code --libvirt VERSION} (the bundled maps),
 * and 9.0.0 with the installed map directory, from the CPU data XML and from the same data as
 * {@code cpuid -1r} output.
 */
class LibvirtHostDecodeTest {

    @TestFactory
    Stream<DynamicTest> libvirt700DumpsDecodeAsLibvirt700Expects() {
        return bundled("7.0.0");
    }

    @TestFactory
    Stream<DynamicTest> libvirt900DumpsDecodeAsLibvirt900Expects() {
        return bundled("9.0.0");
    }

    @TestFactory
    Stream<DynamicTest> libvirt1130DumpsDecodeAsLibvirt1130Expects() {
        return bundled("11.3.0");
    }

    /** libvirt 12.8.0's map has newer -vN models: spec §3.1 gives EPYC-Rome-v5 for the EPYC 7502 that 11.3 calls EPYC-Rome-v3. */
    @Test
    void newerMapsDecodeToNewerVersionedModels() throws Exception {
        Path dump = LibvirtCpuTestData.of("11.3.0").dir().resolve("x86_64-cpuid-EPYC-7502-32-Core.xml");
        CpuData data = CpuDataInput.parse(Files.readString(dump), dump.toString());
        assertEquals("EPYC-Rome-v3", HostDecoder.decode(BundledMap.get("11.3.0"), data).model);
        assertEquals("EPYC-Rome-v5", HostDecoder.decode(BundledMap.get("12.8.0"), data).model);
    }

    @TestFactory
    Stream<DynamicTest> virtcpuHostWithTheInstalledLibvirt900Map() {
        LibvirtCpuTestData data = LibvirtCpuTestData.of("9.0.0");
        List<String> mapArgs = List.of("--cpu-map", TestMaps.system900Dir().toString());
        List<LibvirtCpuTestData.Cpu> cpus = data.cpus();
        assertEquals(61, cpus.size(), "real CPUs in " + data.dir());
        Stream<DynamicTest> xml = cpus.stream().map(cpu ->
                DynamicTest.dynamicTest(cpu.name() + " (CPU data XML)", () -> check(cpu, cpu.dump(), mapArgs)));
        // cpuid -1r prints no MSRs: only the dumps without MSRs decode the same from its output.
        Stream<DynamicTest> text = cpus.stream().filter(cpu -> !hasMsrs(cpu)).map(cpu ->
                DynamicTest.dynamicTest(cpu.name() + " (cpuid -1r)", () -> check(cpu, asCpuidFile(cpu), mapArgs)));
        return Stream.concat(xml, text);
    }

    private static Stream<DynamicTest> bundled(String version) {
        LibvirtCpuTestData data = LibvirtCpuTestData.of(version);
        List<LibvirtCpuTestData.Cpu> cpus = data.cpus();
        assertEquals(61, cpus.size(), "real CPUs in " + data.dir());
        return cpus.stream().map(cpu -> DynamicTest.dynamicTest(cpu.name(),
                () -> check(cpu, cpu.dump(), List.of("--libvirt", version))));
    }

    private static boolean hasMsrs(LibvirtCpuTestData.Cpu cpu) {
        try {
            return Files.readString(cpu.dump()).contains("<msr ");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void check(LibvirtCpuTestData.Cpu cpu, Path input, List<String> mapArgs) throws IOException {
        List<String> args = new ArrayList<>(List.of("host"));
        args.addAll(mapArgs);
        args.add(input.toString());
        CliRun run = CliRun.of(args);
        assertEquals("", run.err(), cpu.name());
        assertEquals(0, run.exit(), cpu.name());
        assertEquals(Files.readString(cpu.expectedHost()), run.out(), cpu.name());
    }

    private static Path asCpuidFile(LibvirtCpuTestData.Cpu cpu) throws Exception {
        CpuData data = CpuDataXml.parse(Files.readString(cpu.dump()), cpu.dump().toString());
        Path f = Files.createTempFile("virtcpu-" + cpu.name(), ".cpuid");
        f.toFile().deleteOnExit();
        Files.writeString(f, LibvirtCpuTestData.asCpuidOutput(data));
        return f;
    }
}
