package dev.virtcpu.hosts;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The configuration loader and schemas/virtcpu.schema.json agree: every configuration the schema
 * accepts loads without problems, and every one it rejects gives the loader at least one problem.
 */
class ConfigLoaderAgreesWithSchemaTest {
    private static final Path PROJECT = Path.of(System.getProperty("virtcpu.projectDir", "."));

    @TestFactory
    List<DynamicTest> validConfigurationsLoadWithoutProblems() throws IOException {
        List<Path> files = new ArrayList<>(list(PROJECT.resolve("schemas/examples"), ".json"));
        files.add(PROJECT.resolve("examples/.virtcpu.json"));
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : files) {
            tests.add(DynamicTest.dynamicTest(PROJECT.relativize(f).toString(), () -> {
                Config c = ConfigLoader.parse(f, Files.readString(f, StandardCharsets.UTF_8));
                assertTrue(c.problems.isEmpty(), () -> f + ": " + c.problems);
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> invalidConfigurationsAreReportedByTheLoader() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : list(PROJECT.resolve("src/test/resources/schemas/invalid-configs"), ".json")) {
            tests.add(DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
                Config c = ConfigLoader.parse(f, Files.readString(f, StandardCharsets.UTF_8));
                assertFalse(c.problems.isEmpty(), () -> f + " was accepted by the loader but the schema rejects it");
            }));
        }
        return tests;
    }

    private static List<Path> list(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }
}
