package dev.virtcpu.lint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The lint fixtures under {@code src/test/resources/lint}, named by their path relative to the
 * project directory (the working directory of the tests), so reports show them as a CI run would.
 */
final class Fixtures {
    static final String ROOT = "src/test/resources/lint";
    /** A workspace with a .virtcpu.json: sets 'prod' (2 Intel hosts) and 'lab' (2 AMD hosts in one file). */
    static final String WORKSPACE = ROOT + "/workspace";
    static final String DOMAINS = WORKSPACE + "/domains";
    static final String CONFIG = WORKSPACE + "/.virtcpu.json";
    static final String PROD_HOSTS = WORKSPACE + "/hosts/prod";
    static final String CPU_MAP_DOMAINS = ROOT + "/cpu-map";
    static final String BROKEN_CONFIG = ROOT + "/broken-config";

    private Fixtures() {
    }

    static Path projectDir() {
        return Path.of(System.getProperty("virtcpu.projectDir", ".")).toAbsolutePath().normalize();
    }

    static Path path(String relative) {
        return projectDir().resolve(relative);
    }

    /** Copies a fixture directory (say, the workspace) into {@code target}. */
    static Path copy(String relative, Path target) {
        Path from = path(relative);
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path to = target.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
