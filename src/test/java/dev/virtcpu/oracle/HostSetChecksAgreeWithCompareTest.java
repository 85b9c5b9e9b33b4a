package dev.virtcpu.oracle;

import dev.virtcpu.analysis.AnalysisContext;
import dev.virtcpu.analysis.Analyzer;
import dev.virtcpu.analysis.Codes;
import dev.virtcpu.analysis.Finding;
import dev.virtcpu.cpu.Compare;
import dev.virtcpu.cpu.CpuDef;
import dev.virtcpu.cpu.CpuFeatureDef;
import dev.virtcpu.cpu.Policy;
import dev.virtcpu.cpu.X86Models;
import dev.virtcpu.hosts.GuestView;
import dev.virtcpu.model.ArchMap;
import dev.virtcpu.model.Feature;
import dev.virtcpu.model.FeatureSet;
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
 * {@code Compare} does not say INCOMPATIBLE for the host as a guest sees it. A host file describes the
 * silicon, so three documented differences are applied to the host before comparing: the features
 * QEMU/KVM gives every guest ({@link GuestView#added}) are added, the features
 * QEMU/KVM does not give guests ({@link GuestView#hidden}) are taken away unless the guest's model
 * contains them and no {@code <feature>} names them (a model is taken at its word) or the guest forbids
 * them (forbid is judged by the host's CPU), and MSR features the file
 * says nothing about (no feature of that MSR listed) are unknown, so the ones the guest wants count as
 * present. Only the public analysis API is used (text in, findings out). {@code -Dvirtcpu.seed=N}
 * replays a run; {@code -Dvirtcpu.hostSetCases=N} sets its size.
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
        return Compare.compare(map.x86(), asGuestSeesIt(host, guest), guest).verdict() != Compare.Verdict.INCOMPATIBLE;
    }

    /**
     * The host as a guest sees it, written out feature by feature on the smallest model it contains:
     * without the features KVM does not give guests, with those it gives every guest
     * ({@link GuestView#added}) and the unknown MSR features the guest wants.
     */
    private CpuDef asGuestSeesIt(CpuDef host, CpuDef guest) throws LibvirtException {
        ArchMap x86 = map.x86();
        FeatureSet data = X86Models.fromCpu(x86, host, null);
        FeatureSet wanted = X86Models.fromCpu(x86, guest, Policy.REQUIRE).addAll(X86Models.fromCpu(x86, guest, Policy.FORCE));
        FeatureSet trusted = guest.model == null || x86.model(guest.model) == null ? new FeatureSet() : x86.model(guest.model).data().copy();
        for (CpuFeatureDef f : guest.features) {
            Feature listed = x86.feature(f.name());
            if (listed == null) continue;
            if (f.policy() == Policy.FORBID) trusted.add(listed.index());
            else trusted.remove(listed.index());
        }
        FeatureSet seen = data.copy().removeAll(GuestView.hidden(x86).copy().removeAll(trusted))
                .addAll(GuestView.added(x86))
                .addAll(GuestView.unknownMsrFeatures(x86, data).retainAll(wanted));
        CpuDef out = new CpuDef();
        out.type = CpuDef.Type.HOST;
        out.arch = host.arch;
        out.model = smallestModelWithin(seen);
        out.vendor = host.vendor != null ? host.vendor : x86.model(host.model).vendor() == null ? null : x86.model(host.model).vendor().name();
        for (String name : X86Models.names(x86, seen)) out.features.add(new CpuFeatureDef(name, null, null));
        return out;
    }

    private String smallestModelWithin(FeatureSet features) {
        dev.virtcpu.model.Model best = null;
        for (dev.virtcpu.model.Model m : map.x86().models()) {
            if (m.data().isSubsetOf(features) && (best == null || m.data().size() < best.data().size())) best = m;
        }
        if (best == null) return fail("no model within " + features);
        return best.name();
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
