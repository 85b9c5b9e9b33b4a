package dev.virtcpu.oracle;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.virtcpu.testing.Prerequisites;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Differential test of {@code virtcpu baseline} against {@code virsh -c test:///default cpu-baseline}.
 *
 * <p>Random host sets are generated from the cpu_map under test (see {@link HostSetGenerator}),
 * fed to virsh and to virtcpu (in-process, {@code dev.virtcpu.cli.Main.run}), and stdout, exit
 * status (zero / non-zero) and, on errors, stderr must be byte-identical (apart from virtcpu's
 * extra {@code note:} line giving the location).
 *
 * <ul>
 *   <li>{@link #matchesSystemVirsh()}: the virsh on PATH (Debian 12: libvirt 9.0.0) with its
 *       {@code /usr/share/libvirt/cpu_map}, virtcpu with {@code --cpu-map} pointing at that map.</li>
 *   <li>{@link #matchesSidVirsh()}: libvirt 12.8.0's virsh in the Debian sid chroot built by
 *       {@code .ci/sid-chroot.sh}, virtcpu with its bundled (12.8.0) map.</li>
 * </ul>
 *
 * <p>System properties: {@code virtcpu.seed} (replay a run), {@code virtcpu.cases} (default 500).
 * Environment: {@code CI} (turns skips into failures), {@code VIRTCPU_SID_CHROOT} (see
 * {@link Prerequisites}, which also asserts both virsh versions).
 * Inputs, oracle outputs, virtcpu outputs and a full report are kept in
 * {@code target/differential/<virsh version>/}.
 */
class VirshBaselineDifferentialTest {

    static final int REPORTED_MISMATCHES = 10;

    static long seed;
    static int cases;

    @BeforeAll
    static void chooseSeed() {
        Long given = Long.getLong("virtcpu.seed");
        seed = given != null ? given : new SecureRandom().nextLong();
        cases = Integer.getInteger("virtcpu.cases", 500);
        System.out.println("differential seed=" + seed);
    }

    // ------------------------------------------------------------------ tests

    @Test
    void matchesSystemVirsh() throws Exception {
        System.out.println("differential seed=" + seed);
        Path virshPath = Prerequisites.systemVirsh();
        Path mapDir = Prerequisites.systemCpuMap();
        Virsh virsh = Virsh.system(virshPath);
        String version = virsh.version();
        Path workDir = projectDir().resolve("target/differential/" + version);

        Setup s = new Setup();
        s.label = "virsh " + version + " (" + virshPath + ")";
        s.testMethod = "matchesSystemVirsh";
        s.map = CpuMapIndex.load(mapDir);
        s.workDir = workDir;
        s.virsh = virsh;
        s.oracleFile = hostFile -> hostFile.toString();
        s.virtcpuArgs = (expand, hostFile) -> baselineArgs(expand, mapDir.toString(), hostFile.toString());
        s.virtcpuCommand = "virtcpu baseline [--features] --cpu-map " + mapDir + " FILE";
        run(s);
    }

    @Test
    void matchesSidVirsh() throws Exception {
        System.out.println("differential seed=" + seed);
        Path chroot = Prerequisites.sidChroot();
        Virsh virsh = Virsh.chroot(chroot);
        String version = virsh.version();
        Path mapDir = Prerequisites.sidCpuMap();
        Path workDir = projectDir().resolve("target/differential/" + version);
        // One staging directory per run: other checkouts on the machine use the same chroot.
        Path inside = Files.createTempDirectory(Files.createDirectories(chroot.resolve("tmp")), "virtcpu-diff-");
        String chrootTmp = "/" + chroot.relativize(inside);

        Setup s = new Setup();
        s.label = "virsh " + version + " (chroot " + chroot + ")";
        s.testMethod = "matchesSidVirsh";
        s.map = CpuMapIndex.load(mapDir);
        s.workDir = workDir;
        s.virsh = virsh;
        s.oracleFile = hostFile -> chrootTmp + "/" + hostFile.getFileName();
        s.virtcpuArgs = (expand, hostFile) -> baselineArgs(expand, null, hostFile.toString());
        s.virtcpuCommand = "virtcpu baseline [--features] FILE (bundled map)";
        s.stage = files -> {
            for (Path f : files) {
                Files.copy(f, inside.resolve(f.getFileName()));
            }
        };
        // The "File '…' does not contain any <cpu>" message quotes the path virsh was given.
        s.normalizeOracleStderr = (hostFile, text) -> text.replace(
                "'" + chrootTmp + "/" + hostFile.getFileName() + "'", "'" + hostFile + "'");
        try {
            run(s);
        } finally {
            deleteTree(inside);
        }
    }

    // ------------------------------------------------------------------ harness

    interface Stager {
        void stage(List<Path> files) throws IOException;
    }

    static final class Setup {
        String label;
        String testMethod;
        CpuMapIndex map;
        Path workDir;
        Virsh virsh;
        Function<Path, String> oracleFile;
        BiFunction<Boolean, Path, String[]> virtcpuArgs;
        String virtcpuCommand;
        Stager stage = files -> { };
        BiFunction<Path, String, String> normalizeOracleStderr = (f, t) -> t;
    }

    record Outcome(HostSetGenerator.Case c, Path file, Virsh.Result oracle, Virsh.Result virtcpu, boolean match) { }

    private static void run(Setup s) throws Exception {
        System.out.println("differential: " + cases + " cases against " + s.label + ", map " + s.map.dir()
                + " (" + s.map.models().size() + " x86 models, " + s.map.features().size() + " features)");
        Files.createDirectories(s.workDir);
        try (Stream<Path> old = Files.list(s.workDir)) {
            for (Path p : (Iterable<Path>) old::iterator) {
                if (p.getFileName().toString().startsWith("case-")) {
                    Files.delete(p);
                }
            }
        }

        HostSetGenerator gen = new HostSetGenerator(s.map);
        List<HostSetGenerator.Case> generated = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            HostSetGenerator.Case c = gen.generate(seed, i);
            Path f = s.workDir.resolve(c.fileName()).toAbsolutePath();
            Files.writeString(f, c.xml(), StandardCharsets.UTF_8);
            generated.add(c);
            files.add(f);
        }
        s.stage.stage(files);

        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Outcome> outcomes = new ArrayList<>();
        AtomicLong oracleNanos = new AtomicLong();
        long virtcpuNanos = 0;
        try {
            List<Future<Virsh.Result>> oracle = new ArrayList<>();
            for (int i = 0; i < cases; i++) {
                HostSetGenerator.Case c = generated.get(i);
                Path f = files.get(i);
                Path base = s.workDir.resolve(c.fileName().replace(".xml", ""));
                oracle.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    Virsh.Result r = s.virsh.cpuBaseline(s.oracleFile.apply(f), c.expandFeatures(), base);
                    oracleNanos.addAndGet(System.nanoTime() - t0);
                    return new Virsh.Result(r.exit(), r.stdout(),
                            s.normalizeOracleStderr.apply(f, r.stderrText()).getBytes(StandardCharsets.UTF_8));
                }));
            }
            for (int i = 0; i < cases; i++) {
                HostSetGenerator.Case c = generated.get(i);
                Path f = files.get(i);
                long t0 = System.nanoTime();
                Virsh.Result mine = runVirtcpu(s.virtcpuArgs.apply(c.expandFeatures(), f));
                virtcpuNanos += System.nanoTime() - t0;
                Path base = s.workDir.resolve(c.fileName().replace(".xml", ""));
                Files.write(base.resolveSibling(base.getFileName() + ".virtcpu.out"), mine.stdout());
                Files.write(base.resolveSibling(base.getFileName() + ".virtcpu.err"), mine.stderr());
                Virsh.Result theirs = oracle.get(i).get();
                boolean match = (theirs.exit() == 0) == (mine.exit() == 0)
                        && Arrays.equals(theirs.stdout(), mine.stdout())
                        && (theirs.exit() == 0 || Arrays.equals(theirs.stderr(), mine.stderr()));
                outcomes.add(new Outcome(c, f, theirs, mine, match));
            }
        } finally {
            pool.shutdownNow();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;

        String summary = distribution(outcomes);
        System.out.println("differential: " + s.label + " finished in " + millis + " ms (virsh processes "
                + oracleNanos.get() / 1_000_000 + " ms over 2 threads, virtcpu in-process " + virtcpuNanos / 1_000_000
                + " ms)");
        System.out.print(summary);

        List<Outcome> bad = outcomes.stream().filter(o -> !o.match()).toList();
        StringBuilder report = new StringBuilder();
        report.append("oracle:  ").append(s.label).append('\n');
        report.append("virtcpu: ").append(s.virtcpuCommand).append('\n');
        report.append("seed=").append(seed).append(" cases=").append(cases).append('\n');
        report.append("replay:  mvn -o test -Dtest=VirshBaselineDifferentialTest#").append(s.testMethod)
                .append(" -Dvirtcpu.seed=").append(seed).append(" -Dvirtcpu.cases=").append(cases).append("\n\n");
        report.append(summary).append('\n');
        for (Outcome o : bad) {
            report.append(describe(o, s)).append('\n');
        }
        Files.writeString(s.workDir.resolve("report.txt"), report.toString(), StandardCharsets.UTF_8);
        StringBuilder tsv = new StringBuilder("case\tkind\thosts\tfeatures\tvirsh_exit\tvirtcpu_exit\tmatch\n");
        for (Outcome o : outcomes) {
            tsv.append(o.c().fileName()).append('\t').append(o.c().kind()).append('\t').append(o.c().hosts())
                    .append('\t').append(o.c().expandFeatures()).append('\t').append(o.oracle().exit())
                    .append('\t').append(o.virtcpu().exit()).append('\t').append(o.match()).append('\n');
        }
        Files.writeString(s.workDir.resolve("summary.tsv"), tsv.toString(), StandardCharsets.UTF_8);

        if (!bad.isEmpty()) {
            System.out.println("differential: first " + Math.min(REPORTED_MISMATCHES, bad.size()) + " of "
                    + bad.size() + " mismatches (all in " + s.workDir.resolve("report.txt") + "):");
            for (Outcome o : bad.subList(0, Math.min(REPORTED_MISMATCHES, bad.size()))) {
                System.out.println(describe(o, s));
            }
            fail(bad.size() + "/" + cases + " differ (seed=" + seed + ") against " + s.label
                    + "; replay with -Dvirtcpu.seed=" + seed + "; report: " + s.workDir.resolve("report.txt"));
        }
        System.out.println("differential: all " + cases + " cases match " + s.label + " (seed=" + seed + ")");
    }

    // ------------------------------------------------------------------ virtcpu in-process

    private static Method mainRun;
    private static String mainRunProblem;

    private static synchronized Method mainRun() {
        if (mainRun == null && mainRunProblem == null) {
            try {
                Class<?> main = Class.forName("dev.virtcpu.cli.Main");
                mainRun = main.getMethod("run", String[].class, PrintStream.class, PrintStream.class);
            } catch (ReflectiveOperationException e) {
                mainRunProblem = "dev.virtcpu.cli.Main.run(String[], PrintStream, PrintStream) is not available: " + e;
            }
        }
        return mainRun;
    }

    static Virsh.Result runVirtcpu(String[] args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Method m = mainRun();
        if (m == null) {
            return new Virsh.Result(-1, new byte[0], (mainRunProblem + "\n").getBytes(StandardCharsets.UTF_8));
        }
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            try {
                Object r = m.invoke(null, args, o, e);
                exit = r instanceof Integer i ? i : -1;
            } catch (InvocationTargetException ex) {
                StringWriter sw = new StringWriter();
                ex.getCause().printStackTrace(new PrintWriter(sw));
                e.print("virtcpu threw " + sw);
                exit = -2;
            } catch (IllegalAccessException ex) {
                e.print("cannot call Main.run: " + ex);
                exit = -3;
            }
        }
        return new Virsh.Result(exit, out.toByteArray(), withoutNotes(err.toByteArray()));
    }

    /**
     * virtcpu follows libvirt's {@code error:} line with a {@code note: FILE:LINE:COL} line locating
     * the problem; virsh has no such line, so it is left out of the comparison.
     */
    static byte[] withoutNotes(byte[] stderr) {
        StringBuilder sb = new StringBuilder();
        for (String line : new String(stderr, StandardCharsets.UTF_8).split("(?<=\n)")) {
            if (!line.startsWith("note: ")) sb.append(line);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String[] baselineArgs(boolean expand, String cpuMap, String file) {
        List<String> a = new ArrayList<>(List.of("baseline"));
        if (expand) {
            a.add("--features");
        }
        if (cpuMap != null) {
            a.add("--cpu-map");
            a.add(cpuMap);
        }
        a.add(file);
        return a.toArray(String[]::new);
    }

    // ------------------------------------------------------------------ reporting

    /** Per kind: how many cases virsh accepted, rejected (by message), and how many matched. */
    static String distribution(List<Outcome> outcomes) {
        Map<String, int[]> byKind = new TreeMap<>();
        Map<String, Integer> errors = new TreeMap<>();
        int ok = 0;
        int matched = 0;
        for (Outcome o : outcomes) {
            int[] k = byKind.computeIfAbsent(o.c().kind(), x -> new int[3]);
            if (o.oracle().exit() == 0) {
                k[0]++;
                ok++;
            } else {
                k[1]++;
                errors.merge(errorClass(o.oracle().stderrText()), 1, Integer::sum);
            }
            if (o.match()) {
                k[2]++;
                matched++;
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("  %-28s %6s %6s %6s%n", "kind", "ok", "error", "match"));
        for (var e : byKind.entrySet()) {
            sb.append(String.format("  %-28s %6d %6d %6d%n", e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]));
        }
        sb.append(String.format("  %-28s %6d %6d %6d%n", "total", ok, outcomes.size() - ok, matched));
        sb.append("  oracle errors:\n");
        for (var e : errors.entrySet()) {
            sb.append(String.format("    %4d  %s%n", e.getValue(), e.getKey()));
        }
        return sb.toString();
    }

    static String errorClass(String stderr) {
        String line = stderr.strip().lines().findFirst().orElse("(no stderr)");
        return line
                .replaceAll("CPU vendor .+ of model \\S+ differs from vendor .+", "CPU vendor * of model * differs from vendor *")
                .replaceAll("Unknown CPU (feature|model|vendor) .+", "Unknown CPU $1 *")
                .replaceAll("CPU feature '[^']*' specified", "CPU feature '*' specified")
                .replaceAll("File '[^']*'", "File '*'");
    }

    private static String describe(Outcome o, Setup s) {
        StringBuilder sb = new StringBuilder();
        HostSetGenerator.Case c = o.c();
        sb.append("=== ").append(c.fileName()).append("  kind=").append(c.kind()).append(" hosts=").append(c.hosts())
                .append(c.expandFeatures() ? " --features" : "").append("  seed=").append(seed).append('\n');
        sb.append("input:   ").append(o.file()).append('\n');
        sb.append("oracle:  ").append(String.join(" ", s.virsh.command(List.of("-c", "test:///default",
                "cpu-baseline", c.expandFeatures() ? "--features" : "", s.oracleFile.apply(o.file())))).replace("  ", " "))
                .append('\n');
        sb.append("virtcpu: ").append(String.join(" ", s.virtcpuArgs.apply(c.expandFeatures(), o.file()))).append('\n');
        sb.append("exit:    virsh=").append(o.oracle().exit()).append(" virtcpu=").append(o.virtcpu().exit()).append('\n');
        if (!Arrays.equals(o.oracle().stdout(), o.virtcpu().stdout())) {
            sb.append("stdout (--- virsh, +++ virtcpu):\n");
            sb.append(TextDiff.diff(o.oracle().stdoutText(), o.virtcpu().stdoutText()));
        }
        if (!Arrays.equals(o.oracle().stderr(), o.virtcpu().stderr())) {
            sb.append("stderr (--- virsh, +++ virtcpu)")
                    .append(o.oracle().exit() == 0 ? " [not compared: virsh succeeded]" : "").append(":\n");
            sb.append(TextDiff.diff(o.oracle().stderrText(), o.virtcpu().stderrText()));
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ utilities

    static Path projectDir() {
        return Path.of(System.getProperty("virtcpu.projectDir", System.getProperty("user.dir"))).toAbsolutePath();
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
