package dev.virtcpu.oracle;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The libvirtd that {@code .ci/libvirtd.sh} starts (Debian 12: libvirt 9.0.0 with its QEMU driver),
 * reached as {@code qemu:///system}. A test that needs it is skipped with a message where it is not
 * running, and fails under {@code CI=true}, where {@code .ci} installs and starts it.
 */
public final class LiveLibvirtd {
    public static final String URI = "qemu:///system";
    public static final String VERSION = "9.0.0";
    /** The map the daemon decodes and baselines with. */
    public static final Path CPU_MAP = Path.of("/usr/share/libvirt/cpu_map");

    private static Virsh virsh;

    private LiveLibvirtd() {
    }

    /** virsh connected to the running daemon, whose version is asserted to be {@link #VERSION}. */
    public static synchronized Virsh virsh() throws IOException, InterruptedException {
        if (virsh != null) return virsh;
        var path = Virsh.findOnPath("virsh");
        require(path.isPresent(), "virsh is not installed (.ci/install-deps.sh: libvirt-clients)");
        Virsh v = Virsh.system(path.get());
        Virsh.Result r = v.run(List.of("-c", URI, "version", "--daemon"), null);
        require(r.exit() == 0, "libvirtd does not answer on " + URI + " (.ci/libvirtd.sh starts it, as root): "
                + r.stderrText().strip());
        Assertions.assertTrue(r.stdoutText().contains("Running against daemon: " + VERSION),
                "the live libvirtd is the oracle for libvirt " + VERSION + ": " + r.stdoutText());
        virsh = v;
        return v;
    }

    /** {@code virsh -c qemu:///system ARGS…}. */
    public static Virsh.Result run(Path outputBase, String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("-c", URI));
        all.addAll(List.of(args));
        return virsh().run(all, outputBase);
    }

    /** Skips with the message, or fails under CI. */
    public static void require(boolean present, String message) {
        if (present) return;
        if (isCi()) Assertions.fail("CI=true and a prerequisite is missing: " + message);
        System.err.println("SKIPPED: " + message);
        Assumptions.abort("SKIPPED: " + message);
    }

    static boolean isCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
    }
}
