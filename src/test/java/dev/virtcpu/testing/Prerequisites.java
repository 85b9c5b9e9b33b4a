package dev.virtcpu.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What the tests need from outside the checkout, found in one place. Everything here is installed by
 * {@code .ci/} ({@code install-deps.sh}, {@code sid-chroot.sh}), so under {@code CI=true} a missing
 * prerequisite FAILS the test that needs it; elsewhere that test is skipped with a message saying what
 * to install. Oracle versions are asserted, not logged: virsh 9.0.0 on the host (Debian 12) and 12.8.0
 * in the sid chroot.
 */
public final class Prerequisites {
    public static final String SYSTEM_LIBVIRT = "9.0.0";
    public static final String SID_LIBVIRT = "12.8.0";
    public static final Path SYSTEM_CPU_MAP = Path.of("/usr/share/libvirt/cpu_map");
    public static final Path SYSTEM_SCHEMAS = Path.of("/usr/share/libvirt/schemas");
    public static final Path VIRT_XML_VALIDATE = Path.of("/usr/bin/virt-xml-validate");
    private static final String SID_STAMP = ".virtcpu-sid-stamp";
    private static final Map<String, String> VERSIONS = new ConcurrentHashMap<>();

    private Prerequisites() {
    }

    /** {@code CI} is set to anything but empty, {@code false} or {@code 0}. */
    public static boolean isCi() {
        return isCi(System.getenv("CI"));
    }

    static boolean isCi(String value) {
        if (value == null) return false;
        String v = value.strip();
        return !v.isEmpty() && !v.equalsIgnoreCase("false") && !v.equals("0");
    }

    /**
     * Continues when {@code present}; otherwise fails under CI and skips (with a message on stderr
     * and in the report) elsewhere.
     *
     * @param what      what is missing, e.g. "virsh (libvirt 9.0.0)"
     * @param installBy how to get it, e.g. ".ci/install-deps.sh (Debian package libvirt-clients)"
     */
    public static void requireOrSkip(boolean present, String what, String installBy) {
        if (present) return;
        String msg = what + " is not available: install it with " + installBy;
        if (isCi()) Assertions.fail("CI=true and a prerequisite is missing: " + msg);
        System.err.println("SKIPPED: " + msg);
        Assumptions.abort("SKIPPED: " + msg);
    }

    // ---- the host's libvirt 9.0.0 ------------------------------------------------------------------

    /** The virsh on PATH, asserted to be libvirt 9.0.0. */
    public static Path systemVirsh() {
        Optional<Path> virsh = onPath("virsh");
        requireOrSkip(virsh.isPresent(), "virsh (libvirt " + SYSTEM_LIBVIRT + ")", installDeps("libvirt-clients"));
        assertVersion("virsh on PATH", SYSTEM_LIBVIRT, List.of(virsh.get().toString(), "--version"));
        return virsh.get();
    }

    /** libvirt 9.0.0's cpu_map as Debian 12 installs it (the version asserted through its virsh). */
    public static Path systemCpuMap() {
        requireOrSkip(Files.isRegularFile(SYSTEM_CPU_MAP.resolve("index.xml")),
                SYSTEM_CPU_MAP + " (libvirt " + SYSTEM_LIBVIRT + ")", installDeps("libvirt-clients"));
        systemVirsh();
        return SYSTEM_CPU_MAP;
    }

    /** libvirt 9.0.0's RelaxNG schemas as Debian 12 installs them. */
    public static Path systemSchemas() {
        requireOrSkip(Files.isRegularFile(SYSTEM_SCHEMAS.resolve("domain.rng")),
                SYSTEM_SCHEMAS + " (libvirt " + SYSTEM_LIBVIRT + ")", installDeps("libvirt-clients"));
        systemVirsh();
        return SYSTEM_SCHEMAS;
    }

    /** libvirt 9.0.0's virt-xml-validate. */
    public static Path virtXmlValidate() {
        requireOrSkip(Files.isExecutable(VIRT_XML_VALIDATE), VIRT_XML_VALIDATE.toString(), installDeps("libvirt-clients"));
        systemVirsh();
        return VIRT_XML_VALIDATE;
    }

    // ---- libvirt 12.8.0 in the Debian sid chroot ---------------------------------------------------

    /** The sid chroot made by {@code .ci/sid-chroot.sh}, its virsh asserted to be libvirt 12.8.0. */
    public static Path sidChroot() {
        String env = System.getenv("VIRTCPU_SID_CHROOT");
        Path chroot = Path.of(env != null && !env.isEmpty() ? env : "/var/cache/virtcpu/sid-chroot");
        requireOrSkip(Files.isRegularFile(chroot.resolve(SID_STAMP)),
                "the libvirt " + SID_LIBVIRT + " chroot " + chroot, ".ci/sid-chroot.sh (as root)");
        assertVersion("virsh in " + chroot, SID_LIBVIRT, List.of("chroot", chroot.toString(), "virsh", "--version"));
        return chroot;
    }

    /** libvirt 12.8.0's cpu_map directory, from the chroot. */
    public static Path sidCpuMap() {
        return sidChroot().resolve("usr/share/libvirt/cpu_map");
    }

    /** libvirt 12.8.0's RelaxNG schemas, from the chroot. */
    public static Path sidSchemas() {
        return sidChroot().resolve("usr/share/libvirt/schemas");
    }

    // ---- editors -----------------------------------------------------------------------------------

    public static Path nvim() {
        Optional<Path> nvim = onPath("nvim");
        requireOrSkip(nvim.isPresent(), "nvim (Neovim)", installDeps("neovim"));
        return nvim.get();
    }

    // ---- helpers -----------------------------------------------------------------------------------

    public static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    private static String installDeps(String debianPackage) {
        return ".ci/install-deps.sh (Debian package " + debianPackage + ")";
    }

    private static void assertVersion(String what, String expected, List<String> command) {
        String actual = VERSIONS.computeIfAbsent(String.join(" ", command), k -> run(command));
        Assertions.assertEquals(expected, actual, what + " is the oracle for libvirt " + expected);
    }

    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "(timed out: " + command + ")";
            }
            return p.exitValue() == 0 ? out : "(exit " + p.exitValue() + ": " + out + ")";
        } catch (IOException e) {
            return "(cannot run " + command + ": " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }
}
