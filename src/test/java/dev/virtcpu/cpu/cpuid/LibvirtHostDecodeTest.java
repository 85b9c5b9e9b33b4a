package dev.virtcpu.cpu.cpuid;

import dev.virtcpu.cli.CliRun;
import dev.virtcpu.model.TestMaps;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code virtcpu host} reproduces, byte for byte, the host CPU libvirt's own test suite expects from
 * each real CPU's CPUID dump ({@code cputest.c}, {@code DO_TEST_CPUID} host decode), with the cpu_map of
 * the same libvirt release; once from libvirt's CPU data XML and once from the same data as
 * {@code cpuid -1r} output.
 */
class LibvirtHostDecodeTest {

    @TestFactory
    Stream<DynamicTest> libvirt900DumpsDecodeAsLibvirt900Expects() {
        return decodes(LibvirtCpuTestData.of("9.0.0"), List.of("--cpu-map", TestMaps.system900Dir().toString()));
    }

    private static Stream<DynamicTest> decodes(LibvirtCpuTestData data, List<String> mapArgs) {
        List<LibvirtCpuTestData.Cpu> cpus = data.cpus();
        assertEquals(61, cpus.size(), "real CPUs in " + data.dir());
        Stream<DynamicTest> xml = cpus.stream().map(cpu ->
                DynamicTest.dynamicTest(cpu.name() + " (CPU data XML)", () -> check(cpu, cpu.dump(), mapArgs)));
        // cpuid -1r prints no MSRs: only the dumps without MSRs decode the same from its output.
        Stream<DynamicTest> text = cpus.stream().filter(cpu -> !hasMsrs(cpu)).map(cpu ->
                DynamicTest.dynamicTest(cpu.name() + " (cpuid -1r)", () -> check(cpu, asCpuidFile(cpu), mapArgs)));
        return Stream.concat(xml, text);
    }

    private static boolean hasMsrs(LibvirtCpuTestData.Cpu cpu) {
        try {
            return Files.readString(cpu.dump()).contains("<msr ");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void check(LibvirtCpuTestData.Cpu cpu, Path input, List<String> mapArgs) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("host"));
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
