package dev.virtcpu.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.virtcpu.hosts.HostFileReader;
import dev.virtcpu.hosts.HostSet;
import dev.virtcpu.hosts.Problem;
import dev.virtcpu.model.BundledMap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Host files as host sets read them (capabilities, domcapabilities, host {@code <cpu>} elements, CPU
 * data XML and {@code cpuid -1r} text), then evaluated against the bundled map: problems, never an
 * exception. The file is named {@code .cpuid}: its content decides between the text and XML readers.
 */
class HostFileFuzzTest {
    private static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("virtcpu-fuzz-hosts");
            DIR.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @FuzzTest(maxDuration = "10s")
    void read(byte[] input) throws IOException {
        Path file = DIR.resolve("host.cpuid");
        Files.write(file, input);
        HostFileReader.Result r = HostFileReader.read(file, null);
        for (Problem p : r.problems()) {
            FuzzChecks.check(p.start() >= 0 && p.end() >= 0 && p.message() != null, "bad problem " + p);
        }
        HostSet set = new HostSet("fuzz", null, r.hosts(), r.problems());
        HostSet.Evaluation e = set.evaluate(BundledMap.get());
        FuzzChecks.check(e.hosts().size() == r.hosts().size(), "hosts lost in evaluation");
        FuzzChecks.check(e.baseline() != null || e.baselineError() != null, "neither a baseline nor why not");
    }
}
