package dev.virtcpu.model;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU maps the tests run against: the bundled 12.8.0 map, libvirt 12.8.0's cpu_map directory in
 * {@code ../shared}, and the system's libvirt 9.0.0 map. A missing directory skips the test, except
 * when the environment variable {@code CI} is set, where it fails.
 */
public final class TestMaps {
    public static final Path SYSTEM_CPU_MAP = Path.of("/usr/share/libvirt/cpu_map");
    private static CpuMap system;

    private TestMaps() {
    }

    public static Path projectDir() {
        return Path.of(System.getProperty("virtcpu.projectDir", System.getProperty("user.dir"))).toAbsolutePath();
    }

    public static Path testResources() {
        return projectDir().resolve("src/test/resources");
    }

    /** libvirt 12.8.0's cpu_map next to the checkout; skipped (never failed) where ../shared is absent. */
    public static Path shared1280Dir() {
        Path dir = projectDir().resolve("../shared/libvirt-12.8.0/cpu_map").normalize();
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("index.xml")),
                "SKIPPED: " + dir + " is absent (libvirt 12.8.0 cpu_map is shipped in ../shared)");
        return dir;
    }

    /** The installed libvirt 9.0.0 cpu_map directory; skipped if absent, failed if absent under CI. */
    public static Path system900Dir() {
        requireSystemMap();
        return SYSTEM_CPU_MAP;
    }

    public static synchronized CpuMap system900() {
        requireSystemMap();
        if (system == null) {
            try {
                system = CpuMapLoader.load(SYSTEM_CPU_MAP, "9.0.0");
            } catch (MapLoadException e) {
                throw new AssertionError("cannot load " + SYSTEM_CPU_MAP + ": " + e.getMessage(), e);
            }
        }
        return system;
    }

    public static ArchMap system900X86() {
        return system900().x86();
    }

    public static boolean isCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isEmpty() && !ci.equals("false") && !ci.equals("0");
    }

    private static void requireSystemMap() {
        if (Files.isRegularFile(SYSTEM_CPU_MAP.resolve("index.xml"))) return;
        String msg = SYSTEM_CPU_MAP + " is absent: install libvirt-clients (libvirt 9.0.0, Debian 12)";
        if (isCi()) Assertions.fail(msg + " — required when CI is set");
        Assumptions.abort("SKIPPED: " + msg);
    }
}
