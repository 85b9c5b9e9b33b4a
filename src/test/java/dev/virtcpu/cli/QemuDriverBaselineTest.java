package dev.virtcpu.cli;

import dev.virtcpu.model.TestMaps;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * {@code virtcpu baseline --driver qemu} prints what libvirt 9.0.0's QEMU driver printed for the same
 * input, plain, with {@code --features}, {@code --migratable} and both
 * ({@code src/test/resources/cpu/baseline-qemu/}, see its README); the default stays the test driver.
 */
class QemuDriverBaselineTest {
    private static final Path CASES = TestMaps.testResources().resolve("cpu/baseline-qemu");
    private static final Map<String, List<String>> FLAGS = Map.of("plain", List.of(), "features", List.of("--features"),
            "migratable", List.of("--migratable"), "features-migratable", List.of("--features", "--migratable"));

    @TestFactory
    Stream<DynamicTest> reproducesTheQemuDriver() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path dir : cases()) {
            for (var e : FLAGS.entrySet()) {
                tests.add(DynamicTest.dynamicTest(dir.getFileName() + " " + e.getKey(), () -> {
                    List<String> args = new ArrayList<>(List.of("baseline", "--driver", "qemu", "--cpu-map",
                            TestMaps.system900Dir().toString()));
                    args.addAll(e.getValue());
                    args.add(dir.resolve("input.xml").toString());
                    CliRun run = CliRun.of(args);
                    assertEquals("", run.err());
                    assertEquals(Files.readString(dir.resolve("expected-" + e.getKey() + ".txt")), run.out());
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void theDefaultIsTheTestDriverWhichKeepsIgnoredFeatures() throws IOException {
        Path dir = CASES.resolve("e20-bare-cpu");
        CliRun test = CliRun.of("baseline", "--cpu-map", TestMaps.system900Dir().toString(), dir.resolve("input.xml").toString());
        assertEquals(0, test.exit());
        assertNotEquals(Files.readString(dir.resolve("expected-plain.txt")), test.out());
        assertEquals(Files.readString(dir.resolve("expected-plain.txt")),
                test.out().replace("  <feature policy='require' name='osxsave'/>\n", ""));
    }

    private static List<Path> cases() throws IOException {
        try (Stream<Path> s = Files.list(CASES)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("input.xml"))).sorted().toList();
        }
    }
}
