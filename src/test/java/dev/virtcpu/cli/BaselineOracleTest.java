package dev.virtcpu.cli;

import dev.virtcpu.model.TestMaps;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every recorded {@code virsh cpu-baseline} run (spec §6.1 and Appendix A) reproduced byte for byte by
 * {@code virtcpu baseline}: with the bundled map and with libvirt 12.8.0's cpu_map directory (from the sid chroot) against the
 * 12.8.0 outputs, and with {@code --libvirt 9.0.0} (the bundled 9.0.0 map) and
 * {@code --cpu-map /usr/share/libvirt/cpu_map} against the 9.0.0 outputs.
 * Fixtures: {@code src/test/resources/cpu/baseline/<id>/} (see the README there).
 */
class BaselineOracleTest {
    private static final Path CASES = TestMaps.testResources().resolve("cpu/baseline");

    @TestFactory
    Stream<DynamicTest> bundledMapReproducesVirsh1280() throws IOException {
        return cases().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(),
                () -> check(c, "12.8.0", List.of())));
    }

    @TestFactory
    Stream<DynamicTest> libvirt1280CpuMapDirectoryReproducesVirsh1280() throws IOException {
        String map = TestMaps.libvirt1280Dir().toString();
        return cases().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(),
                () -> check(c, "12.8.0", List.of("--cpu-map", map))));
    }

    @TestFactory
    Stream<DynamicTest> bundled900MapReproducesVirsh900() throws IOException {
        return cases().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(),
                () -> check(c, "9.0.0", List.of("--libvirt", "9.0.0"))));
    }

    @TestFactory
    Stream<DynamicTest> systemCpuMapReproducesVirsh900() throws IOException {
        String map = TestMaps.system900Dir().toString();
        return cases().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(),
                () -> check(c, "9.0.0", List.of("--cpu-map", map))));
    }

    private static Stream<Path> cases() throws IOException {
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> s = Files.list(CASES)) {
            s.filter(p -> Files.isRegularFile(p.resolve("input.xml"))).sorted().forEach(dirs::add);
        }
        assertTrue(dirs.size() >= 40, "expected the oracle fixture set under " + CASES);
        return dirs.stream();
    }

    private static void check(Path dir, String version, List<String> mapArgs) throws IOException {
        String input = dir.resolve("input.xml").toString();
        List<String> args = new ArrayList<>();
        args.add("baseline");
        args.addAll(mapArgs);
        Path argsFile = dir.resolve("args");
        if (Files.isRegularFile(argsFile)) {
            for (String a : Files.readAllLines(argsFile, StandardCharsets.UTF_8)) {
                if (!a.isBlank()) args.add(a.trim());
            }
        }
        args.add(input);
        Expected expected = Expected.read(dir.resolve("expected-" + version + ".txt"), input);
        CliRun run = CliRun.of(args);

        assertEquals(expected.exit, run.exit(), () -> "exit status; stderr:\n" + run.err());
        if (expected.exit == 0) {
            // virsh ends the XML with one extra empty line.
            assertEquals(expected.text + "\n", run.out(), "stdout");
            assertEquals("", run.err(), "stderr");
        } else {
            assertEquals("\n", run.out(), "stdout of a failed run is virsh's empty line");
            List<String> lines = run.errLines();
            assertEquals(expected.text.stripTrailing(), run.firstErrLine(), "first stderr line");
            for (String extra : lines.subList(1, lines.size())) {
                assertTrue(extra.startsWith("note: "), () -> "unexpected stderr line: " + extra);
            }
        }
    }

    /** Appendix A notation: the output without virsh's final empty line, then {@code (exit status N)}. */
    private record Expected(String text, int exit) {
        static Expected read(Path file, String fileArgument) throws IOException {
            String s = Files.readString(file, StandardCharsets.UTF_8);
            int at = s.lastIndexOf("(exit status ");
            int exit = Integer.parseInt(s.substring(at + "(exit status ".length(), s.indexOf(')', at)));
            return new Expected(s.substring(0, at).replace("@FILE@", fileArgument), exit);
        }
    }
}
