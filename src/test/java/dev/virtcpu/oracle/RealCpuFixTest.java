package dev.virtcpu.oracle;

import dev.virtcpu.analysis.AnalysisContext;
import dev.virtcpu.analysis.Analyzer;
import dev.virtcpu.analysis.DocumentAnalysis;
import dev.virtcpu.analysis.Finding;
import dev.virtcpu.analysis.Fix;
import dev.virtcpu.hosts.Host;
import dev.virtcpu.hosts.HostSet;
import dev.virtcpu.model.ArchMap;
import dev.virtcpu.model.BundledMap;
import dev.virtcpu.model.CpuMap;
import dev.virtcpu.model.Feature;
import dev.virtcpu.model.Register;
import dev.virtcpu.xml.XmlElement;
import dev.virtcpu.xml.XmlParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The host-set fixes on real CPUs (libvirt's test data), judged with libvirt's own model expansions
 * ({@link ModelExpansions}), not virtcpu's: with domcapabilities host files the fixed CPU requires
 * nothing outside any host's QEMU/KVM view; with capabilities files it requires none of the features
 * QEMU/KVM lacks on (nearly) every host of the data (recomputed here from the data); in a pool it
 * requires no migration blocker (invtsc, xsaves: migratable='no' in libvirt's x86_features.xml). The
 * domains are the examples' CPUs and random ones of models without such features; a pool of Intel and
 * AMD hosts checks the vendor-neutral CPU of mixed-vendors the same way; the seed is printed
 * ({@code -Dvirtcpu.realcpu.seed=N} replays).
 */
class RealCpuFixTest {
    private static final Set<String> MIGRATION_BLOCKERS = Set.of("invtsc", "xsaves");
    private static final List<List<String>> POOLS = List.of(
            List.of("Xeon-Gold-6148", "Xeon-Platinum-8268", "Ice-Lake-Server"),
            List.of("Xeon-E5-2650-v3", "Xeon-Gold-6130", "Cooperlake"),
            List.of("Xeon-E5-2630-v4", "Xeon-Gold-5115"),
            List.of("EPYC-7601-32-Core", "EPYC-7502-32-Core"),
            List.of("Xeon-Gold-6130", "EPYC-7502-32-Core"));
    private final CpuMap map = BundledMap.get();
    private int vendorNeutralFixes;

    @Test
    void fixedCpusRequireOnlyWhatEveryHostGivesGuests() throws IOException {
        long seed = Long.getLong("virtcpu.realcpu.seed", new Random().nextLong());
        System.out.println("RealCpuFixTest seed=" + seed + " (replay: -Dvirtcpu.realcpu.seed=" + seed + ")");
        Random random = new Random(seed);
        Set<String> hidden = GuestViewTableFeatures.hiddenOnNearlyEveryHost();
        RandomDomains generator = new RandomDomains(map.x86(), random, false);
        int checked = 0;
        for (List<String> names : pools(random)) {
            List<RealHosts.Cpu> cpus = names.stream().map(RealHosts::named).toList();
            String vendor = cpus.get(0).vendor();
            for (boolean domcaps : List.of(false, true)) {
                for (boolean pool : List.of(true, false)) {
                    List<Host> hosts = new ArrayList<>();
                    for (RealHosts.Cpu c : pool ? cpus : cpus.subList(0, 1)) {
                        hosts.add(domcaps ? c.domcapabilitiesHost(c.name()) : c.capabilitiesHost(c.name()));
                    }
                    AnalysisContext context = new AnalysisContext(map, "real", new HostSet("real", null, hosts, List.of()), true, Map.of());
                    for (String domain : domains(vendor, generator, hidden)) {
                        checked += check(domain, context, hosts, domcaps, pool && hosts.size() > 1, hidden, seed);
                    }
                }
            }
        }
        System.out.println(checked + " fixed CPUs checked, " + vendorNeutralFixes + " of them vendor-neutral");
        assertTrue(checked > 50, checked + " fixed CPUs");
        assertTrue(vendorNeutralFixes > 0, "the Intel and AMD pool got no vendor-neutral CPU to check");
    }

    private int check(String domain, AnalysisContext context, List<Host> hosts, boolean domcaps, boolean pool,
                      Set<String> hidden, long seed) throws IOException {
        DocumentAnalysis a = Analyzer.analyze(domain, context);
        Map<String, Fix> ladder = new LinkedHashMap<>();
        for (Finding f : a.findings()) {
            for (Fix fix : f.fixes()) {
                boolean neutral = f.code().equals("mixed-vendors");
                if ((fix.rung() > 0 || neutral) && ladder.putIfAbsent(fix.title(), fix) == null && neutral) vendorNeutralFixes++;
            }
        }
        for (Fix fix : ladder.values()) {
            String fixed = dev.virtcpu.analysis.QuickFixFixtureTest.apply(domain, fix);
            Set<String> required = required(XmlParser.parse(fixed).rootElement().element("cpu"));
            String why = "seed " + seed + ", hosts " + hosts.stream().map(Host::name).toList() + (domcaps ? " (domcapabilities)" : "")
                    + ", '" + fix.title() + "':\n" + fixed;
            if (pool) assertEquals(Set.of(), intersection(required, MIGRATION_BLOCKERS), why);
            if (!domcaps) assertEquals(Set.of(), intersection(required, hidden), why);
            if (domcaps) {
                for (Host h : hosts) {
                    Set<String> view = GuestViewTableFeatures.of(h.file());
                    Set<String> missing = new TreeSet<>(required);
                    missing.removeAll(view);
                    missing.removeAll(unknownMsrFeatures(view));
                    assertEquals(Set.of(), missing, h.name() + "'s QEMU/KVM view lacks them; " + why);
                }
            }
        }
        return ladder.size();
    }

    /** Example domains of the vendor, and random ones whose models contain none of the hidden features. */
    private List<String> domains(String vendor, RandomDomains generator, Set<String> hidden) throws IOException {
        List<String> out = new ArrayList<>();
        Path examples = RealHosts.project().resolve("examples/domains");
        for (String f : vendor.equals("AMD") ? List.of("lab/amd-guest.xml") : List.of("db-too-new.xml", "web-good.xml", "batch-crlf.xml")) {
            out.add(Files.readString(examples.resolve(f), StandardCharsets.UTF_8));
        }
        while (out.size() < 12) {
            String text = generator.next(vendor).text();
            XmlElement model = XmlParser.parse(text).rootElement().element("cpu").element("model");
            if (model == null || intersection(ModelExpansions.of(model.text().trim()), hidden).isEmpty()) out.add(text);
        }
        return out;
    }

    private static List<List<String>> pools(Random random) {
        List<List<String>> out = new ArrayList<>(POOLS);
        List<RealHosts.Cpu> intel = RealHosts.all().stream().filter(c -> c.vendor().equals("Intel")).toList();
        for (int i = 0; i < 2; i++) {
            List<String> pool = new ArrayList<>();
            for (int k = 0; k < 2 + random.nextInt(3); k++) pool.add(intel.get(random.nextInt(intel.size())).name());
            out.add(pool.stream().distinct().toList());
        }
        return out;
    }

    /** What a guest CPU requires, from libvirt's expansion of its model: model + require/force − disable. */
    static Set<String> required(XmlElement cpu) {
        Set<String> out = new TreeSet<>();
        XmlElement model = cpu.element("model");
        if (model != null && !model.text().isBlank()) out.addAll(ModelExpansions.of(model.text().trim()));
        for (XmlElement f : cpu.elements("feature")) {
            String policy = f.attr("policy") == null ? "require" : f.attr("policy");
            if (policy.equals("require") || policy.equals("force")) out.add(f.attr("name"));
            else if (policy.equals("disable") || policy.equals("forbid") || policy.equals("optional")) out.remove(f.attr("name"));
        }
        return out;
    }

    /** Features of MSRs a view says nothing about: unknown there, not missing (libvirt's data lacks MSR dumps). */
    private Set<String> unknownMsrFeatures(Set<String> view) {
        ArchMap x86 = map.x86();
        Set<Long> reported = new java.util.HashSet<>();
        for (String name : view) {
            Feature f = x86.feature(name);
            if (f != null && f.register() != null && f.register().kind() == Register.Kind.MSR) reported.add(f.register().leaf());
        }
        Set<String> out = new TreeSet<>();
        for (Feature f : x86.features()) {
            if (f.register() != null && f.register().kind() == Register.Kind.MSR && !reported.contains(f.register().leaf())) out.add(f.name());
        }
        return out;
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.retainAll(b);
        return out;
    }
}
