package dev.virtcpu.hosts;

import dev.virtcpu.model.TestMaps;
import dev.virtcpu.oracle.LiveLibvirtd;
import dev.virtcpu.testing.Prerequisites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code examples/fleet/collect-hosts.sh} collects real host files: its remote commands run on this
 * machine (SSH is a stand-in that runs the command locally instead of on HOST), with the real
 * {@code cpuid} and the live libvirtd, and what it writes is a host set virtcpu reads without a problem.
 */
class CollectHostsScriptTest {
    private static final Path SCRIPT = TestMaps.projectDir().resolve("examples/fleet/collect-hosts.sh");

    @TempDir
    Path tmp;

    private record Run(int exit, String out) {
    }

    private Run collect(String... args) throws Exception {
        Path ssh = tmp.resolve("local-ssh");
        Files.writeString(ssh, "#!/bin/sh\n# ssh HOST COMMAND, run here\nshift\nexec sh -c \"$*\"\n");
        ssh.toFile().setExecutable(true);
        List<String> cmd = new ArrayList<>(List.of("bash", SCRIPT.toString(), "-o", tmp.resolve("hosts").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("SSH", ssh.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(120, TimeUnit.SECONDS);
        return new Run(p.exitValue(), out);
    }

    private static void readsAsOneHost(Path file) {
        HostFileReader.Result r = HostFileReader.read(file, null);
        assertEquals(List.of(), r.problems(), file.toString());
        assertEquals(1, r.hosts().size(), file.toString());
    }

    @Test
    void cpuidOutputOfEachHost() throws Exception {
        LiveLibvirtd.require(Prerequisites.onPath("cpuid").isPresent(), "cpuid", ".ci/install-deps.sh (Debian package cpuid)");
        Run run = collect("-m", "cpuid", "node-1", "admin@node-2");
        assertEquals(0, run.exit(), run.out());
        readsAsOneHost(tmp.resolve("hosts/node-1.cpuid"));
        readsAsOneHost(tmp.resolve("hosts/node-2.cpuid"));
    }

    @Test
    void capabilitiesWhereLibvirtAnswers() throws Exception {
        LiveLibvirtd.virsh();
        Run run = collect("node-1");
        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().startsWith("node-1: virsh capabilities -> "), run.out());
        readsAsOneHost(tmp.resolve("hosts/node-1.caps.xml"));
    }

    @Test
    void aHostThatFailsLeavesNoFileAndExitStatus1() throws Exception {
        LiveLibvirtd.virsh();
        Run run = collect("-m", "caps", "-u", "test:///nonexistent/file.xml", "node-1");
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().startsWith("node-1: virsh capabilities failed: "), run.out());
        try (var files = Files.list(tmp.resolve("hosts"))) {
            assertFalse(files.findAny().isPresent(), "no file, not even a temporary one");
        }
    }
}
