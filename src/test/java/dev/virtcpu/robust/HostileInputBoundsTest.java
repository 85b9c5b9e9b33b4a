package dev.virtcpu.robust;

import dev.virtcpu.analysis.AnalysisContext;
import dev.virtcpu.analysis.Analyzer;
import dev.virtcpu.analysis.DocumentAnalysis;
import dev.virtcpu.cli.CliRun;
import dev.virtcpu.model.BundledMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every hostile input class of bench/hostile.sh through the real entry point ({@code virtcpu lint},
 * in process): a clear result without a stack trace, findings and output bounded, and at most 2 s of
 * this thread's CPU time (CPU time, not wall time, so a busy machine does not fail it; the wall-time
 * bound only catches a hang). Memory under a 256 MB heap is {@link HostileInputMemoryTest}'s.
 */
class HostileInputBoundsTest {
    static final double MAX_CPU_SECONDS = 2.0;
    static final double MAX_WALL_SECONDS = 60.0;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Lints the case's directory and checks the bounds every case shares; returns the run. */
    static CliRun lintBounded(String name, Path dir) {
        return lintBounded(name, dir, MAX_CPU_SECONDS);
    }

    static CliRun lintBounded(String name, Path dir, double maxCpuSeconds) {
        Map<String, Consumer<Path>> cases = HostileInputs.cases();
        cases.get(name).accept(dir);
        long cpu = THREADS.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        CliRun run = CliRun.of("lint", "--format", "json", dir.toString());
        double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
        double wallSeconds = (System.nanoTime() - wall) / 1e9;
        System.out.printf("%-28s cpu %.2f s, wall %.2f s, report %d bytes%n", name, cpuSeconds, wallSeconds, run.out().length());
        assertTrue(run.exit() == 0 || run.exit() == 1 || run.exit() == 2, run::toString);
        assertTrue(cpuSeconds <= maxCpuSeconds, name + " took " + cpuSeconds + " s of CPU");
        assertTrue(wallSeconds <= MAX_WALL_SECONDS, name + " took " + wallSeconds + " s");
        assertTrue(run.out().length() < 2_000_000, name + ": report of " + run.out().length() + " characters");
        return run;
    }

    @Test
    void deepElementsInsideModel(@TempDir Path dir) {
        assertTrue(lintBounded("deep-model-20000", dir).out().contains("Elements are nested more than 256 levels deep"));
    }

    @Test
    void deepElementsInsideFeature(@TempDir Path dir) {
        assertTrue(lintBounded("deep-feature-20000", dir).out().contains("Elements are nested more than 256 levels deep"));
    }

    @Test
    void deepElementsInsideCpu(@TempDir Path dir) {
        assertTrue(lintBounded("deep-cpu-20000", dir).out().contains("Elements are nested more than 256 levels deep"));
    }

    @Test
    void nestedCpusDoNotHangTheSchemaCheck(@TempDir Path dir) {
        assertTrue(lintBounded("nested-cpu-100000", dir).out().contains("Elements are nested more than 256 levels deep"));
    }

    @Test
    void aTenMegabyteModelOnOneLine(@TempDir Path dir) {
        CliRun run = lintBounded("model-10MB-one-line", dir);
        assertTrue(run.out().contains("Text is 10000000 characters long, over the limit of 1048576"), run.out());
        assertTrue(run.out().contains("… (10000018 characters)"), "the message is clipped:\n" + run.out());
    }

    @Test
    void aMillionAttributes(@TempDir Path dir) {
        assertTrue(lintBounded("attributes-1000000", dir).out().contains("More than 256 attributes on <cpu>; the rest are ignored"));
    }

    @Test
    void fiftyThousandAttributes(@TempDir Path dir) {
        assertTrue(lintBounded("attributes-50000", dir).out().contains("More than 256 attributes on <cpu>; the rest are ignored"));
    }

    @Test
    void twoMillionUndefinedEntityReferencesGiveCappedFindings(@TempDir Path dir) {
        CliRun run = lintBounded("entities-2000000", dir);
        assertTrue(run.out().contains("1999901 more XML problems not listed (the first 100 are)"), run.out());
        assertTrue(run.out().contains("\"findings\": 102"), run.out().substring(run.out().length() - 300));
    }

    @Test
    void didYouMeanOnAOneMegabyteName(@TempDir Path dir) {
        CliRun run = lintBounded("feature-name-1MB", dir);
        assertTrue(run.out().contains("Unknown CPU feature vvvv"), run.out().substring(0, 400));
    }

    @Test
    void fiftyThousandUnknownFeaturesAreNotFiftyThousandSearches(@TempDir Path dir) {
        CliRun run = lintBounded("unknown-features-50000", dir);
        assertTrue(run.out().contains("more findings not listed (the first 1000 are)"), run.out().substring(run.out().length() - 400));
    }

    @Test
    void aHostFileWithTwentyThousandProblems(@TempDir Path dir) {
        CliRun run = lintBounded("host-file-20000-problems", dir);
        assertTrue(run.out().contains("19000 more findings not listed (the first 1000 are)"), run.out().substring(run.out().length() - 2000));
    }

    @Test
    void aHostSetOfTwentyThousandFiles(@TempDir Path dir) {
        // 20 000 identical host files: read in parallel (partly on this thread), each distinct CPU evaluated once.
        assertEquals(0, lintBounded("host-set-20000-files", dir).exit());
    }

    @Test
    void threePointFiveMillionUndefinedEntityReferencesThroughTheAnalysis() {
        // Over lint's 10 MiB file limit, so as an editor sends it: the parser reads the first 10 MiB.
        String text = HostileInputs.undefinedEntities(3_500_000);
        long cpu = THREADS.getCurrentThreadCpuTime();
        DocumentAnalysis a = Analyzer.analyze(text, new AnalysisContext(BundledMap.get(), null, null, true, Map.of()));
        double seconds = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
        assertTrue(seconds <= MAX_CPU_SECONDS, seconds + " s");
        List<String> messages = a.findings().stream().map(f -> f.message()).toList();
        assertTrue(messages.size() <= 110, messages.size() + " findings");
        assertTrue(messages.contains("The document is longer than 10 MiB; the rest is not read"), messages.toString());
        assertFalse(messages.stream().anyMatch(m -> m.length() > 1100));
    }
}
