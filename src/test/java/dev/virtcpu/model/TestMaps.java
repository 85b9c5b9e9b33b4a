package dev.virtcpu.model;

import dev.virtcpu.testing.Prerequisites;

import java.nio.file.Path;

/**
 * The CPU maps the tests run against: the bundled 12.8.0 map, libvirt 12.8.0's cpu_map directory in
 * the sid chroot, and the system's libvirt 9.0.0 map (found through {@link Prerequisites}: a missing
 * one fails under CI and skips elsewhere).
 */
public final class TestMaps {
    public static final Path SYSTEM_CPU_MAP = Prerequisites.SYSTEM_CPU_MAP;
    private static CpuMap system;

    private TestMaps() {
    }

    public static Path projectDir() {
        return Path.of(System.getProperty("virtcpu.projectDir", System.getProperty("user.dir"))).toAbsolutePath();
    }

    public static Path testResources() {
        return projectDir().resolve("src/test/resources");
    }

    /** libvirt 12.8.0's cpu_map directory (from the sid chroot that .ci/sid-chroot.sh makes). */
    public static Path libvirt1280Dir() {
        return Prerequisites.sidCpuMap();
    }

    /** The installed libvirt 9.0.0 cpu_map directory. */
    public static Path system900Dir() {
        return Prerequisites.systemCpuMap();
    }

    public static synchronized CpuMap system900() {
        Prerequisites.systemCpuMap();
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

}
