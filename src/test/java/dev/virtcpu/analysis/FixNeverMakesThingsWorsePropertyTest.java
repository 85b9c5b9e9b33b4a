package dev.virtcpu.analysis;

import dev.virtcpu.hosts.Host;
import dev.virtcpu.hosts.HostSet;
import dev.virtcpu.model.BundledMap;
import dev.virtcpu.model.CpuMap;
import dev.virtcpu.oracle.RandomDomains;
import dev.virtcpu.oracle.RealHosts;
import dev.virtcpu.xml.XmlElement;
import dev.virtcpu.xml.XmlParser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A fix never makes things worse: random domains ({@link RandomDomains}) against random host sets of
 * real CPUs (libvirt's test data, each host as its capabilities or as its domcapabilities, pools and
 * single hosts). For every fix offered on any finding: the result is well-formed, bytes outside
 * {@code <cpu>} are unchanged, its edits do not overlap (as LSP requires), {@code </cpu>} keeps its own
 * line, and analysing it again finds no code more often than before (for a fix
 * of a definition finding, the host-set codes and notes aside: a name that becomes known reveals them). The fix
 * {@code lint --fix} would apply leaves no host-set error or warning. The seed is printed; replay a
 * run with {@code -Dvirtcpu.ladder.seed=N}, size it with {@code -Dvirtcpu.ladder.cases=N}.
 */
class FixNeverMakesThingsWorsePropertyTest {
    private static final Set<String> HOST_CODES = Set.of("host-cpu-heterogeneous", "host-vendor-mismatch",
            "host-missing-model-feature", "host-missing-feature", "host-missing-forced-feature", "host-forbidden-feature",
            "migration-blocker", "host-strict-extra", "check-none", "nested-virt", "optional-migration");
    private final CpuMap map = BundledMap.get();

    @Test
    void everyOfferedFixAddsNoFindingAndTheChosenOneClearsTheHostSet() {
        long seed = Long.getLong("virtcpu.ladder.seed", new Random().nextLong());
        int cases = Integer.getInteger("virtcpu.ladder.cases", 120);
        System.out.println("FixNeverMakesThingsWorsePropertyTest seed=" + seed + " (replay: -Dvirtcpu.ladder.seed=" + seed + ")");
        Random random = new Random(seed);
        RandomDomains domains = new RandomDomains(map.x86(), random, true);
        List<RealHosts.Cpu> cpus = RealHosts.all();
        int fixes = 0;
        int needed = 0;
        int cleared = 0;
        for (int i = 0; i < cases; i++) {
            String vendor = random.nextInt(4) == 0 ? "AMD" : "Intel";
            AnalysisContext context = context(random, cpus, vendor);
            RandomDomains.Domain d = domains.next(vendor);
            String where = "seed " + seed + ", case " + i + ", hosts " + names(context) + ":\n" + d.text();
            DocumentAnalysis a = Analyzer.analyze(d.text(), context);
            Map<String, Fix> offered = new LinkedHashMap<>();
            Map<String, Boolean> definitionFix = new HashMap<>();
            for (Finding f : a.findings()) {
                for (Fix fix : f.fixes()) {
                    offered.putIfAbsent(fix.title(), fix);
                    definitionFix.merge(fix.title(), !FixCheck.HOST_CODES.contains(f.code()), Boolean::logicalAnd);
                }
            }
            boolean hostFindings = a.findings().stream().anyMatch(f -> HOST_CODES.contains(f.code()) && f.severity().atLeast(Severity.WARNING));
            needed += hostFindings ? 1 : 0;
            for (Fix fix : offered.values()) {
                fixes++;
                String fixed = QuickFixFixtureTest.apply(d.text(), fix);
                String why = where + "\n--- after '" + fix.title() + "':\n" + fixed;
                assertEquals("", overlap(fix), "edits must not overlap (LSP clients refuse such edits); " + why);
                assertEquals(endTagLine(d.text()), endTagLine(fixed), "the line of </cpu> changed; " + why);
                assertTrue(XmlParser.parse(fixed).problems().isEmpty(), why);
                assertTrue(fixed.startsWith(d.before()) && fixed.endsWith(d.after()), "bytes outside <cpu> changed; " + why);
                List<Finding> after = Analyzer.analyze(fixed, context).findings();
                // A definition fix (a rename...) may let the host-set checks and notes (info) see what they could not.
                boolean definition = definitionFix.get(fix.title());
                Set<String> ignored = definition ? FixCheck.HOST_CODES : Set.of("host-set-summary");
                assertEquals(List.of(), added(a.findings(), after, ignored, definition ? Severity.WARNING : Severity.HINT), why);
                if (fix.safe() && fix.rung() > 0) {
                    assertEquals(List.of(), hostProblems(after), "lint --fix's choice must clear the host set; " + why);
                    cleared++;
                }
            }
        }
        System.out.println(fixes + " fixes checked; " + cleared + " of " + needed + " domains with host findings had a fix that clears them");
        assertTrue(fixes > cases, "the generator must produce fixable domains: " + fixes + " fixes in " + cases + " cases");
        assertTrue(cleared * 2 > needed, cleared + " of " + needed + " domains with host findings got a clearing fix");
    }

    /** Two edits of the fix that overlap (an insertion strictly inside a replaced range counts), or "". */
    static String overlap(Fix fix) {
        List<TextEdit> edits = new ArrayList<>(fix.edits());
        for (int i = 0; i < edits.size(); i++) {
            for (int j = i + 1; j < edits.size(); j++) {
                TextEdit a = edits.get(i);
                TextEdit b = edits.get(j);
                boolean apart = a.end() <= b.start() || b.end() <= a.start();
                boolean sameInsertion = a.start() == a.end() && b.start() == b.end();
                if (!apart && !sameInsertion) return a + " and " + b;
            }
        }
        return "";
    }

    /** What precedes {@code </cpu>} on its line. */
    private static String endTagLine(String text) {
        int end = text.indexOf("</cpu>");
        if (end < 0) return "";
        int start = Math.max(text.lastIndexOf('\n', end), text.lastIndexOf('\r', end)) + 1;
        return text.substring(start, end).isBlank() ? "(blank)" : "(text)";
    }

    private AnalysisContext context(Random random, List<RealHosts.Cpu> cpus, String vendor) {
        List<RealHosts.Cpu> ofVendor = cpus.stream().filter(c -> c.vendor().equals(vendor)).toList();
        int n = 1 + random.nextInt(Math.min(5, ofVendor.size()));
        List<Host> hosts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            RealHosts.Cpu c = ofVendor.get(random.nextInt(ofVendor.size()));
            hosts.add(random.nextBoolean() ? c.capabilitiesHost(c.name() + "#" + i) : c.domcapabilitiesHost(c.name() + "#" + i));
        }
        HostSet set = new HostSet("random", null, hosts, List.of());
        return new AnalysisContext(map, "random", set, random.nextInt(4) > 0, Map.of());
    }

    private static String names(AnalysisContext context) {
        List<String> out = new ArrayList<>();
        for (Host h : context.hostSet().hosts()) out.add(h.name() + (h.isHypervisorView() ? " (domcapabilities)" : ""));
        return out + (context.migratable() ? " pool" : " not a pool");
    }

    /** Codes found more often after than before ({@code ignored} aside). */
    static List<String> added(List<Finding> before, List<Finding> after, Set<String> ignored, Severity least) {
        Map<String, Integer> counts = new HashMap<>();
        for (Finding f : before) counts.merge(f.code(), 1, Integer::sum);
        List<String> out = new ArrayList<>();
        for (Finding f : after) {
            if (ignored.contains(f.code()) || !f.severity().atLeast(least)) continue;
            if (counts.merge(f.code(), -1, Integer::sum) < 0) out.add(f.code() + ": " + f.message());
        }
        return out;
    }

    private static List<String> hostProblems(List<Finding> findings) {
        List<String> out = new ArrayList<>();
        for (Finding f : findings) {
            if (HOST_CODES.contains(f.code()) && f.severity().atLeast(Severity.WARNING)) out.add(f.code() + ": " + f.message());
        }
        return out;
    }

    static XmlElement cpu(String text) {
        XmlElement root = XmlParser.parse(text).rootElement();
        return root == null ? fail("no root") : root.element("cpu");
    }
}
