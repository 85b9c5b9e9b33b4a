package dev.virtcpu.oracle;

import dev.virtcpu.testing.Prerequisites;
import org.junit.jupiter.api.Assertions;

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
        Virsh v = Virsh.system(Prerequisites.systemVirsh());
        Virsh.Result r = v.run(List.of("-c", URI, "version", "--daemon"), null);
        require(r.exit() == 0, "libvirtd on " + URI + " (" + r.stderrText().strip() + ")",
                ".ci/install-deps.sh (libvirt-daemon, libvirt-daemon-driver-qemu, qemu-system-x86) and .ci/libvirtd.sh, as root");
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

    /** Continues when {@code present}; otherwise skips with a message, or fails under CI. */
    public static void require(boolean present, String what, String installBy) {
        Prerequisites.requireOrSkip(present, what, installBy);
    }
}
