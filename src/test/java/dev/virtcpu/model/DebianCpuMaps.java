package dev.virtcpu.model;

import dev.virtcpu.testing.Prerequisites;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The cpu_map directories of Debian's libvirt packages, as {@code .ci} installs them, with the
 * package version that provided each:
 * <ul>
 * <li>7.0.0 (bullseye {@code libvirt0}) and 11.3.0 (trixie {@code libvirt-common}):
 *     {@code .ci/debian-cpu-maps.sh} unpacks them into {@code /var/cache/virtcpu/cpu-maps/VERSION}
 *     with a stamp naming the package and version;</li>
 * <li>9.0.0: the installed bookworm {@code libvirt0} ({@code .ci/install-deps.sh});</li>
 * <li>12.8.0: the sid chroot's {@code libvirt-common} ({@code .ci/sid-chroot.sh}).</li>
 * </ul>
 * A missing directory skips the test with a message, except under {@code CI}, where it fails
 * ({@link Prerequisites}).
 */
public final class DebianCpuMaps {
    private DebianCpuMaps() {
    }

    /** A release's cpu_map directory and the Debian package version it came from. */
    public record Source(Path dir, String packageVersion) {
    }

    public static Source source(String release) {
        return switch (release) {
            case "7.0.0", "11.3.0" -> fetched(release);
            case "9.0.0" -> installed(release, Path.of("/"), "libvirt0", ".ci/install-deps.sh (libvirt-clients)");
            case "12.8.0" -> installed(release, sidChroot(), "libvirt-common", ".ci/sid-chroot.sh");
            default -> throw new IllegalArgumentException(release);
        };
    }

    private static Path sidChroot() {
        return Prerequisites.sidChroot();
    }

    private static Source fetched(String release) {
        String env = System.getenv("VIRTCPU_CPU_MAPS");
        Path base = Path.of(env == null || env.isEmpty() ? "/var/cache/virtcpu/cpu-maps" : env).resolve(release);
        Path dir = base.resolve("cpu_map");
        Path stamp = base.resolve("stamp");
        require(Files.isRegularFile(dir.resolve("index.xml")) && Files.isRegularFile(stamp),
                dir + " is absent: run .ci/debian-cpu-maps.sh");
        String[] line = read(stamp).trim().split(" ");
        return new Source(dir, line.length > 1 ? line[1] : "");
    }

    private static Source installed(String release, Path root, String pkg, String installer) {
        Path dir = root.resolve("usr/share/libvirt/cpu_map");
        require(Files.isRegularFile(dir.resolve("index.xml")), dir + " is absent: run " + installer);
        return new Source(dir, dpkgVersion(root.resolve("var/lib/dpkg/status"), pkg));
    }

    /** The Version: of an installed package in a dpkg status file, or "" when it is not there. */
    static String dpkgVersion(Path status, String pkg) {
        if (!Files.isRegularFile(status)) return "";
        boolean inPackage = false;
        for (String line : read(status).split("\n")) {
            if (line.startsWith("Package: ")) inPackage = line.substring(9).trim().equals(pkg);
            else if (inPackage && line.startsWith("Version: ")) return line.substring(9).trim();
        }
        return "";
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    private static void require(boolean present, String message) {
        Prerequisites.requireOrSkip(present, message.replaceFirst(" is absent: run .*", ""),
                message.replaceFirst(".* is absent: run ", ""));
    }
}
