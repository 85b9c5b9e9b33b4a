package dev.virtcpu.schemas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Shared helpers for the schema tests. */
final class TestPaths {
    static final Path VIRT_XML_VALIDATE = Paths.get("/usr/bin/virt-xml-validate");

    private TestPaths() {}

    static Path projectDir() {
        String p = System.getProperty("virtcpu.projectDir");
        return (p == null ? Paths.get("") : Paths.get(p)).toAbsolutePath().normalize();
    }

    static Path resources() {
        return projectDir().resolve("src/test/resources/schemas");
    }

    static List<Path> list(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().collect(Collectors.toList());
        }
    }

    static boolean ci() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
    }

    /** Runs virt-xml-validate and returns its exit code. */
    static int virtXmlValidate(Path file, String type) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(VIRT_XML_VALIDATE.toString(), file.toString(), type)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("virt-xml-validate timed out on " + file);
        }
        return p.exitValue();
    }
}
