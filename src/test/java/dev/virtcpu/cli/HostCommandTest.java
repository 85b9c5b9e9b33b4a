package dev.virtcpu.cli;

import dev.virtcpu.model.TestMaps;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code virtcpu host}: a real machine's {@code cpuid -1r} decodes to what its libvirtd reported, from a
 * file and from standard input; bad input is one error line and exit status 1
 * ({@code src/test/resources/host/bad/NAME} → {@code NAME.error}, {@code $FILE} standing for the path).
 */
class HostCommandTest {
    private static final Path HOST = TestMaps.testResources().resolve("host");
    private static final Path LIVE = HOST.resolve("live-epyc");

    @Test
    void cpuidOutputDecodesAsTheMachinesLibvirtdReported() throws IOException {
        CliRun run = CliRun.of("host", "--cpu-map", TestMaps.system900Dir().toString(), LIVE.resolve("cpuid-1r.txt").toString());
        assertEquals("", run.err());
        assertEquals(0, run.exit());
        assertEquals(Files.readString(LIVE.resolve("host-9.0.0.xml")), run.out());
    }

    @Test
    void dashReadsStandardInput() throws IOException {
        CliRun run = CliRun.withInput(Files.readString(LIVE.resolve("cpuid-1r.txt")), "host", "--cpu-map",
                TestMaps.system900Dir().toString(), "-");
        assertEquals(0, run.exit(), run.err());
        assertEquals(Files.readString(LIVE.resolve("host-9.0.0.xml")), run.out());
    }

    @Test
    void crlfAndLoneCrLineBreaksReadTheSame() throws IOException {
        String text = Files.readString(LIVE.resolve("cpuid-1r.txt"));
        for (String newline : new String[]{"\r\n", "\r"}) {
            CliRun run = CliRun.withInput(text.replace("\n", newline), "host", "--cpu-map", TestMaps.system900Dir().toString(), "-");
            assertEquals(Files.readString(LIVE.resolve("host-9.0.0.xml")), run.out(), run.err());
        }
    }

    @Test
    void outputOfEveryCpuIsReadUpToTheSecondCpu() throws IOException {
        String oneCpu = Files.readString(LIVE.resolve("cpuid-1r.txt"));
        String body = oneCpu.substring(oneCpu.indexOf('\n') + 1);
        String twoCpus = "CPU 0:\n" + body + "CPU 1:\n" + body.replace("eax=0x00b00f21", "eax=0x00000000");
        CliRun run = CliRun.withInput(twoCpus, "host", "--cpu-map", TestMaps.system900Dir().toString(), "-");
        assertEquals(0, run.exit(), run.err());
        assertEquals(Files.readString(LIVE.resolve("host-9.0.0.xml")), run.out());
    }

    @Test
    void dataOptionPrintsLibvirtCpuDataWithTheApicIdMasked() throws IOException {
        String text = Files.readString(LIVE.resolve("cpuid-1r.txt"));
        assertTrue(text.contains("0x00000001 0x00: eax=0x00b00f21 ebx=0xfdfe0800"), "the dump shows initial APIC ID 0xfd");
        CliRun run = CliRun.of("host", "--data", LIVE.resolve("cpuid-1r.txt").toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("<cpudata arch='x86'>\n"), run.out());
        assertTrue(run.out().contains("  <cpuid eax_in='0x00000001' ecx_in='0x00' eax='0x00b00f21' ebx='0x00fe0800' "
                + "ecx='0xfed83203' edx='0x178bfbff'/>\n"), run.out());
        assertEquals(text.lines().filter(l -> l.contains(": eax=")).count(),
                run.out().lines().filter(l -> l.startsWith("  <cpuid ")).count(), "one <cpuid> per line of cpuid -1r");
    }

    @Test
    void dataOutputDecodesLikeItsSource() throws IOException {
        Path xml = Files.createTempFile("virtcpu-live", ".xml");
        try {
            Files.writeString(xml, CliRun.of("host", "--data", LIVE.resolve("cpuid-1r.txt").toString()).out());
            CliRun run = CliRun.of("host", "--cpu-map", TestMaps.system900Dir().toString(), xml.toString());
            assertEquals(Files.readString(LIVE.resolve("host-9.0.0.xml")), run.out(), run.err());
        } finally {
            Files.delete(xml);
        }
    }

    @TestFactory
    Stream<DynamicTest> badInputIsOneErrorLine() throws IOException {
        Path dir = HOST.resolve("bad");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> !p.toString().endsWith(".error")).sorted().toList().stream()
                    .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
                        String expected = Files.readString(Path.of(p + ".error")).replace("$FILE", p.toString());
                        CliRun run = CliRun.of("host", "--cpu-map", TestMaps.system900Dir().toString(), p.toString());
                        assertEquals(expected, run.err());
                        assertEquals(1, run.exit());
                        assertEquals("", run.out());
                    }));
        }
    }

    @Test
    void missingFileIsOneErrorLine() {
        CliRun run = CliRun.of("host", "no-such-dump.cpuid");
        assertEquals("error: Failed to open file 'no-such-dump.cpuid': No such file or directory\n", run.err());
        assertEquals(1, run.exit());
    }

    @Test
    void oneInputIsRequired() {
        assertEquals(2, CliRun.of("host").exit());
        assertEquals(2, CliRun.of("host", "--local", "x.cpuid").exit());
    }
}
