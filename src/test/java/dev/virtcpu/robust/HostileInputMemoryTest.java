package dev.virtcpu.robust;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The inputs whose cost was memory, linted by {@code virtcpu lint} in its own JVM with a 256 MB heap:
 * it finishes with a report (exit 0, 1 or 2), never an OutOfMemoryError or a stack trace.
 */
class HostileInputMemoryTest {
    @ParameterizedTest
    @ValueSource(strings = {"entities-2000000", "attributes-1000000", "model-10MB-one-line", "host-set-20000-files"})
    void lintsWithinA256MegabyteHeap(String name, @TempDir Path dir) throws IOException, InterruptedException {
        HostileInputs.cases().get(name).accept(dir.resolve("case"));
        Path out = dir.resolve("out.json");
        Path err = dir.resolve("err.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), "dev.virtcpu.cli.Main", "lint", "--format", "json",
                dir.resolve("case").toString()))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        if (!done) p.destroyForcibly();
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertTrue(done, name + " did not finish in 120 s");
        assertFalse(stderr.contains("OutOfMemoryError") || stderr.contains("Exception") || stderr.contains("\tat "), stderr);
        int exit = p.exitValue();
        assertTrue(exit == 0 || exit == 1 || exit == 2, name + " exited " + exit + ": " + stderr);
        assertTrue(Files.readString(out, StandardCharsets.UTF_8).contains("\"summary\""), name + ": no report");
    }
}
