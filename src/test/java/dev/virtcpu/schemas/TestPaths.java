package dev.virtcpu.schemas;

import dev.virtcpu.testing.Prerequisites;

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

    /** Runs libvirt 9.0.0's virt-xml-validate and returns its exit code. */
    static int virtXmlValidate(Path file, String type) throws IOException, InterruptedException {
        return run(List.of(Prerequisites.virtXmlValidate().toString(), file.toString(), type), file);
    }

    /** Runs libvirt 12.8.0's virt-xml-validate (in the sid chroot) and returns its exit code. */
    static int sidVirtXmlValidate(Path file, String type) throws IOException, InterruptedException {
        Path chroot = Prerequisites.sidChroot();
        Path dir = Files.createDirectories(chroot.resolve("tmp/virtcpu-validate"));
        Path copy = Files.createTempFile(dir, "fixture", ".xml");
        try {
            Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            String inside = "/" + chroot.relativize(copy);
            return run(List.of("chroot", chroot.toString(), "virt-xml-validate", inside, type), file);
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private static int run(List<String> command, Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
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
