package dev.virtcpu.oracle;

import dev.virtcpu.analysis.AnalysisContext;
import dev.virtcpu.analysis.Analyzer;
import dev.virtcpu.analysis.Codes;
import dev.virtcpu.analysis.Finding;
import dev.virtcpu.cpu.Compare;
import dev.virtcpu.cpu.CpuDef;
import dev.virtcpu.cpu.CpuParser;
import dev.virtcpu.cpu.LibvirtException;
import dev.virtcpu.hosts.Host;
import dev.virtcpu.hosts.HostSet;
import dev.virtcpu.model.BundledMap;
import dev.virtcpu.model.CpuMap;
import dev.virtcpu.xml.XmlParser;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The analysis layer's verdict "runs on N of M hosts" agrees, host by host, with libvirt's CPU
 * comparison ({@link Compare}, itself checked against libvirt's own compare cases in
 * {@code CompareTest}) on random guest CPUs and host sets: a host runs the guest exactly when
 * {@code Compare} does not say INCOMPATIBLE. Only the public analysis API is used (text in, findings
 * out). {@code -Dvirtcpu.seed=N} replays a run; {@code -Dvirtcpu.hostSetCases=N} sets its size.
 */
class HostSetChecksAgreeWithCompareTest {
    private static final Pattern SUMMARY = Pattern.compile("runs on (\\d+) of (\\d+) host");
    private final CpuMap map = BundledMap.get();

    @Test
    void everyHostVerdictMatchesCompare() throws Exception {
        Long given = Long.getLong("virtcpu.seed");
        long seed = given != null ? given : new SecureRandom().nextLong();
        int cases = Integer.getInteger("virtcpu.hostSetCases", 300);
        System.out.println("HostSetChecksAgreeWithCompareTest seed=" + seed);
        RandomCpus random = new RandomCpus(map.x86(), seed);
        int compared = 0;
        int incompatible = 0;
        for (int i = 0; i < cases; i++) {
            RandomCpus.Case c = random.next();
            CpuDef guest = CpuParser.parse(XmlParser.parse(c.guest()).rootElement(), CpuDef.Type.GUEST);
            List<Host> hosts = hosts(c.hosts());
            int expected = 0;
            for (Host h : hosts) {
                boolean runs = runs(h.cpu(), guest);
                expected += runs ? 1 : 0;
                incompatible += runs ? 0 : 1;
                String why = "case " + i + " (seed " + seed + "), host " + h.name() + "\nguest: " + c.guest()
                        + "\nhost: " + c.hosts().get(Integer.parseInt(h.name().substring(1)));
                assertEquals(runs ? 1 : 0, runsOn(c.guest(), List.of(h)), why);
                compared++;
            }
            assertEquals(expected, runsOn(c.guest(), hosts), "case " + i + " (seed " + seed + "): " + c);
        }
        // The generator must produce both outcomes, or the comparison proves little.
        assertTrue(incompatible > compared / 10 && incompatible < compared * 9 / 10,
                incompatible + " of " + compared + " host verdicts were INCOMPATIBLE");
    }

    private boolean runs(CpuDef host, CpuDef guest) throws LibvirtException {
        return Compare.compare(map.x86(), host, guest).verdict() != Compare.Verdict.INCOMPATIBLE;
    }

    /** The N of the analysis' "runs on N of M hosts" for the guest in a domain, on these hosts. */
    private int runsOn(String guestCpu, List<Host> hosts) {
        HostSet set = new HostSet("random", null, hosts, List.of());
        AnalysisContext context = new AnalysisContext(map, "random", set, false, Map.of());
        String domain = "<domain type='kvm'>\n  " + guestCpu + "\n</domain>\n";
        List<Finding> findings = Analyzer.analyze(domain, context).findings();
        for (Finding f : findings) {
            if (!f.code().equals(Codes.HOST_SUMMARY)) continue;
            Matcher m = SUMMARY.matcher(f.message());
            assertTrue(m.find(), f.message());
            assertEquals(hosts.size(), Integer.parseInt(m.group(2)), f.message());
            return Integer.parseInt(m.group(1));
        }
        return fail("no host-set summary among " + findings + " for " + domain);
    }

    private static List<Host> hosts(List<String> xml) throws LibvirtException {
        List<Host> hosts = new ArrayList<>();
        for (int i = 0; i < xml.size(); i++) {
            CpuDef cpu = CpuParser.parse(XmlParser.parse(xml.get(i)).rootElement(), CpuDef.Type.HOST);
            hosts.add(new Host("h" + i, Path.of("h" + i + ".xml"), 0, 0, cpu));
        }
        return hosts;
    }
}
