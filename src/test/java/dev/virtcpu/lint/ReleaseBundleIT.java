package dev.virtcpu.lint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.virtcpu.PomVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static dev.virtcpu.lint.JsonSchemas.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The release bundle {@code mvn package} builds (target/virtcpu-VERSION.tar.gz), unpacked with tar into an
 * empty directory outside the checkout and run from there with nothing but a Java runtime on PATH.
 */
class ReleaseBundleIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static Path unpacked;
    private static Path home;

    @BeforeAll
    static void unpack() throws IOException {
        Path bundle = Path.of(System.getProperty("virtcpu.bundle",
                "target/virtcpu-" + PomVersion.read() + ".tar.gz")).toAbsolutePath();
        assertTrue(Files.isRegularFile(bundle), "mvn package builds " + bundle);
        unpacked = Files.createTempDirectory("virtcpu-bundle-").toRealPath();
        assertFalse(unpacked.startsWith(Fixtures.projectDir()), unpacked + " is outside the checkout");
        home = Files.createDirectory(unpacked.resolve("home"));
        Path into = Files.createDirectory(unpacked.resolve("unpacked"));
        ProcessRun tar = ProcessRun.run(into, env(), TIMEOUT, List.of("tar", "-xzf", bundle.toString()));
        assertEquals(0, tar.exit(), tar::toString);
    }

    @AfterAll
    static void remove() throws IOException {
        if (unpacked == null) return;
        try (Stream<Path> s = Files.walk(unpacked)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
        }
    }

    /** A bare environment: the Java runtime running the tests and the system tools, nothing of the build. */
    private static Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");
        env.put("HOME", home == null ? "/nonexistent" : home.toString());
        env.put("LANG", "C.UTF-8");
        return env;
    }

    private static Path root() {
        return unpacked.resolve("unpacked/virtcpu-" + PomVersion.read());
    }

    private static ProcessRun virtcpu(Path dir, String launcher, String... args) {
        List<String> command = new ArrayList<>(List.of(launcher));
        command.addAll(List.of(args));
        return ProcessRun.run(dir, env(), TIMEOUT, command);
    }

    @Test
    void bundleHoldsTheLauncherTheJarSchemasExamplesReadmeAndNotice() {
        for (String p : List.of("server/virtcpu", "lib/virtcpu-all.jar", "README.md", "NOTICE", "docs/ci.md",
                "schemas/virtcpu.schema.json", "schemas/lint-report.schema.json", "schemas/libvirt-cpu.xsd",
                "examples/.virtcpu.json", "examples/domains/db-too-new.xml")) {
            assertTrue(Files.isRegularFile(root().resolve(p)), p);
        }
        assertTrue(Files.isExecutable(root().resolve("server/virtcpu")));
    }

    @Test
    void theJarManifestCarriesThePomVersion() throws IOException {
        try (JarFile jar = new JarFile(root().resolve("lib/virtcpu-all.jar").toFile())) {
            assertEquals(PomVersion.read(), jar.getManifest().getMainAttributes().getValue("Implementation-Version"));
            assertEquals("dev.virtcpu.cli.Main", jar.getManifest().getMainAttributes().getValue("Main-Class"));
        }
    }

    @Test
    void theLauncherPrintsThePomVersionFromAnyDirectory() {
        ProcessRun run = virtcpu(home, root().resolve("server/virtcpu").toString(), "--version");
        assertEquals(0, run.exit(), run::toString);
        assertEquals("virtcpu " + PomVersion.read(), run.out().lines().findFirst().orElse(""));
    }

    @Test
    void lintOfTheBundledExamplesGivesTheCheckoutsReport() {
        ProcessRun run = virtcpu(root(), "server/virtcpu", "lint", "--format", "json", "--severity", "info", "examples/");
        assertEquals(1, run.exit(), run::toString);
        JsonNode expected = parse(LintRun.lint("--format", "json", "--severity", "info", "examples/").out());
        JsonNode report = parse(run.out());
        assertTrue(report.at("/summary/findings").asInt() > 10, run::toString);
        assertEquals(expected, report);
    }

    @Test
    void theLauncherWorksThroughASymlinkOnPath() throws IOException {
        Path bin = Files.createDirectories(home.resolve("bin"));
        Files.deleteIfExists(bin.resolve("virtcpu"));
        Files.createSymbolicLink(bin.resolve("virtcpu"), root().resolve("server/virtcpu"));
        Map<String, String> env = env();
        env.put("PATH", bin + ":" + env.get("PATH"));
        ProcessRun run = ProcessRun.run(home, env, TIMEOUT,
                List.of("/usr/bin/env", "virtcpu", "lint", "--format", "codequality", root().resolve("examples").toString()));
        assertEquals(1, run.exit(), run::toString);
        JsonNode expected = parse(LintRun.lint("--format", "json", "examples/").out());
        assertEquals(expected.at("/summary/findings").asInt(), parse(run.out()).size(), run::toString);
    }
}
