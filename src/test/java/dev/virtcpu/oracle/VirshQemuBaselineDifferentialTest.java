package dev.virtcpu.oracle;

import dev.virtcpu.model.TestMaps;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Differential test of {@code virtcpu baseline --driver qemu} against the QEMU driver of a live libvirtd
 * ({@code virsh -c qemu:///system cpu-baseline}, libvirt 9.0.0, its own cpu_map): random host sets from
 * {@link HostSetGenerator}, sets of libvirt's real-CPU host files and this machine's capabilities, each
 * plain, with {@code --features}, {@code --migratable} or both. stdout and the exit status must match
 * byte for byte, and stderr on errors (virtcpu's {@code note:} lines aside).
 *
 * <p>System properties: {@code virtcpu.seed} (replay), {@code virtcpu.qemuCases} (default 300). Inputs and
 * both outputs of every case, and a report, are kept in {@code target/differential/qemu-VERSION/}.
 */
class VirshQemuBaselineDifferentialTest {

    record Case(int index, String kind, List<String> flags, String xml) {
        String fileName() {
            return String.format("case-%04d.xml", index);
        }
    }

    record Outcome(Case c, Virsh.Result oracle, Virsh.Result virtcpu, boolean filtered, boolean match) {
    }

    @Test
    void matchesLiveQemuDriver() throws Exception {
        LiveLibvirtd.virsh();
        Long given = Long.getLong("virtcpu.seed");
        long seed = given != null ? given : new SecureRandom().nextLong();
        int cases = Integer.getInteger("virtcpu.qemuCases", 300);
        System.out.println("qemu differential seed=" + seed + " cases=" + cases);
        Path work = TestMaps.projectDir().resolve("target/differential/qemu-" + LiveLibvirtd.VERSION);
        Files.createDirectories(work);

        List<Case> generated = generate(seed, cases, work);
        List<Outcome> outcomes = compare(generated, work);
        report(seed, outcomes, work);
    }

    private static List<Case> generate(long seed, int cases, Path work) throws Exception {
        HostSetGenerator random = new HostSetGenerator(CpuMapIndex.load(LiveLibvirtd.CPU_MAP));
        RealHostSets real = new RealHostSets(TestMaps.testResources().resolve("libvirt-cputestdata/" + LiveLibvirtd.VERSION));
        String capabilities = LiveLibvirtd.run(null, "capabilities").stdoutText();
        List<Case> out = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            Random rnd = new Random(HostSetGenerator.caseSeed(seed, i) ^ 0x51E0);
            String kind;
            String xml;
            boolean expand;
            int roll = rnd.nextInt(100);
            if (roll < 45) {
                HostSetGenerator.Case c = random.generate(seed, i);
                kind = "random-" + c.kind();
                xml = c.xml();
                expand = c.expandFeatures();
            } else {
                List<RealHostSets.Host> set = real.pick(rnd);
                kind = roll < 55 ? "real+this-machine" : "real";
                xml = RealHostSets.concat(set) + (roll < 55 ? capabilities : "");
                expand = rnd.nextInt(100) < 30;
            }
            List<String> flags = new ArrayList<>();
            if (expand) flags.add("--features");
            if (rnd.nextInt(100) < 35) flags.add("--migratable");
            Case c = new Case(i, kind, flags, xml);
            Files.writeString(work.resolve(c.fileName()), xml, StandardCharsets.UTF_8);
            out.add(c);
        }
        return out;
    }

    private static List<Outcome> compare(List<Case> cases, Path work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Virsh.Result>> oracle = new ArrayList<>();
            for (Case c : cases) {
                List<String> args = new ArrayList<>(List.of("cpu-baseline"));
                args.addAll(c.flags());
                args.add(work.resolve(c.fileName()).toString());
                Path base = work.resolve(c.fileName().replace(".xml", ""));
                oracle.add(pool.submit(() -> LiveLibvirtd.run(base, args.toArray(String[]::new))));
            }
            List<Outcome> out = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                String file = work.resolve(c.fileName()).toString();
                Virsh.Result mine = VirshBaselineDifferentialTest.runVirtcpu(args(c, file, true));
                Virsh.Result testDriver = VirshBaselineDifferentialTest.runVirtcpu(args(c, file, false));
                Virsh.Result theirs = oracle.get(i).get();
                Files.write(work.resolve(c.fileName().replace(".xml", ".virtcpu.out")), mine.stdout());
                boolean match = (theirs.exit() == 0) == (mine.exit() == 0) && Arrays.equals(theirs.stdout(), mine.stdout())
                        && (theirs.exit() == 0 || Arrays.equals(theirs.stderr(), mine.stderr()));
                out.add(new Outcome(c, theirs, mine, !Arrays.equals(mine.stdout(), testDriver.stdout()), match));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String[] args(Case c, String file, boolean qemu) {
        List<String> a = new ArrayList<>(List.of("baseline", "--cpu-map", LiveLibvirtd.CPU_MAP.toString()));
        if (qemu) a.addAll(List.of("--driver", "qemu"));
        a.addAll(c.flags());
        a.add(file);
        return a.toArray(String[]::new);
    }

    private static void report(long seed, List<Outcome> outcomes, Path work) throws Exception {
        long ok = outcomes.stream().filter(o -> o.oracle().exit() == 0).count();
        long matched = outcomes.stream().filter(Outcome::match).count();
        long filtered = outcomes.stream().filter(o -> o.oracle().exit() == 0 && o.filtered()).count();
        long real = outcomes.stream().filter(o -> o.c().kind().startsWith("real")).count();
        long migratable = outcomes.stream().filter(o -> o.c().flags().contains("--migratable")).count();
        long features = outcomes.stream().filter(o -> o.c().flags().contains("--features")).count();
        String summary = String.format("qemu differential: %d cases (%d real-CPU sets, %d random; %d --features, %d --migratable): "
                        + "virsh succeeded on %d, matched %d; %d results differ from the test driver's (ignored features dropped)%n",
                outcomes.size(), real, outcomes.size() - real, features, migratable, ok, matched, filtered);
        System.out.print(summary);
        StringBuilder sb = new StringBuilder(summary).append("seed=").append(seed).append('\n')
                .append("replay: mvn -o test -Dtest=VirshQemuBaselineDifferentialTest -Dvirtcpu.seed=").append(seed)
                .append(" -Dvirtcpu.qemuCases=").append(outcomes.size()).append("\n\n");
        List<Outcome> bad = outcomes.stream().filter(o -> !o.match()).toList();
        for (Outcome o : bad) {
            sb.append("=== ").append(o.c().fileName()).append(" kind=").append(o.c().kind()).append(' ').append(o.c().flags())
                    .append(" exit virsh=").append(o.oracle().exit()).append(" virtcpu=").append(o.virtcpu().exit()).append('\n')
                    .append(TextDiff.diff(o.oracle().stdoutText() + o.oracle().stderrText(),
                            o.virtcpu().stdoutText() + o.virtcpu().stderrText())).append('\n');
        }
        Files.writeString(work.resolve("report.txt"), sb.toString(), StandardCharsets.UTF_8);
        if (!bad.isEmpty()) {
            System.out.println(sb.substring(0, Math.min(sb.length(), 6000)));
            fail(bad.size() + "/" + outcomes.size() + " differ from the live QEMU driver (seed=" + seed + "); report: "
                    + work.resolve("report.txt"));
        }
        assertTrue(filtered > 0, "no case exercised the QEMU driver's ignored features (seed=" + seed + ")");
    }
}
