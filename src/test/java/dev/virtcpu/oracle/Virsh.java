package dev.virtcpu.oracle;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code virsh} (directly or inside a chroot) as an external oracle process. */
public final class Virsh {

    /** Captured result of one run. */
    public record Result(int exit, byte[] stdout, byte[] stderr) {
        public String stdoutText() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        public String stderrText() {
            return new String(stderr, StandardCharsets.UTF_8);
        }
    }

    private static final long TIMEOUT_SECONDS = 120;

    private final List<String> prefix;

    private Virsh(List<String> prefix) {
        this.prefix = List.copyOf(prefix);
    }

    /** The virsh on PATH. */
    public static Virsh system(Path virsh) {
        return new Virsh(List.of(virsh.toString()));
    }

    /** virsh inside a chroot: {@code chroot DIR virsh …}. */
    public static Virsh chroot(Path chrootDir) {
        return new Virsh(List.of("chroot", chrootDir.toString(), "virsh"));
    }

    public String version() throws IOException, InterruptedException {
        Result r = run(List.of("--version"), null);
        if (r.exit() != 0) {
            throw new IOException("virsh --version failed: " + r.stderrText());
        }
        return r.stdoutText().trim();
    }

    /** {@code virsh -c test:///default cpu-baseline [--features] FILE}. */
    public Result cpuBaseline(String file, boolean expandFeatures, Path outputBase)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-c", "test:///default", "cpu-baseline"));
        if (expandFeatures) {
            args.add("--features");
        }
        args.add(file);
        return run(args, outputBase);
    }

    public List<String> command(List<String> args) {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(args);
        return cmd;
    }

    /**
     * Runs virsh with stdout/stderr redirected to {@code outputBase + ".virsh.out"/".virsh.err"}
     * (or temporary files when {@code outputBase} is null) and returns the captured bytes.
     */
    public Result run(List<String> args, Path outputBase) throws IOException, InterruptedException {
        Path out;
        Path err;
        boolean temp = outputBase == null;
        if (temp) {
            out = Files.createTempFile("virtcpu-virsh", ".out");
            err = Files.createTempFile("virtcpu-virsh", ".err");
        } else {
            out = outputBase.resolveSibling(outputBase.getFileName() + ".virsh.out");
            err = outputBase.resolveSibling(outputBase.getFileName() + ".virsh.err");
        }
        try {
            ProcessBuilder pb = new ProcessBuilder(command(args));
            Map<String, String> env = pb.environment();
            env.put("LC_ALL", "C");
            env.put("LANG", "C");
            env.remove("LANGUAGE");
            env.remove("VIRSH_DEFAULT_CONNECT_URI");
            env.remove("LIBVIRT_DEFAULT_URI");
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.redirectOutput(out.toFile());
            pb.redirectError(err.toFile());
            Process p = pb.start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor();
                return new Result(-1, Files.readAllBytes(out),
                        ("virsh timed out after " + TIMEOUT_SECONDS + " s\n").getBytes(StandardCharsets.UTF_8));
            }
            return new Result(p.exitValue(), Files.readAllBytes(out), Files.readAllBytes(err));
        } finally {
            if (temp) {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        }
    }
}
