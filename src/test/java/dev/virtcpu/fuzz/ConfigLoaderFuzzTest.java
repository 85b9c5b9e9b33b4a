package dev.virtcpu.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.virtcpu.hosts.Config;
import dev.virtcpu.hosts.ConfigLoader;
import dev.virtcpu.hosts.Problem;

import java.nio.file.Path;

/** {@code .virtcpu.json} as the loader reads it: a configuration with problems, never an exception. */
class ConfigLoaderFuzzTest {
    private static final Path FILE = Path.of("/nonexistent-virtcpu-fuzz/.virtcpu.json");

    @FuzzTest(maxDuration = "10s")
    void parse(byte[] input) {
        String text = FuzzChecks.text(input);
        Config c = ConfigLoader.parse(FILE, text);
        FuzzChecks.check(c != null, "no configuration");
        for (Problem p : c.problems) {
            FuzzChecks.check(p.start() >= 0 && p.start() <= p.end() && p.end() <= text.length() && p.message() != null,
                    "problem outside the text: " + p);
        }
    }
}
