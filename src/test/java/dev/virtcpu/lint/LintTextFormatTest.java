package dev.virtcpu.lint;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.virtcpu.lint.Fixtures.DOMAINS;
import static dev.virtcpu.lint.Fixtures.WORKSPACE;
import static dev.virtcpu.lint.LintRun.lint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code virtcpu lint} default output: one line per finding, grouped per file, then a summary. */
class LintTextFormatTest {

    @Test
    void aFindingIsPrintedAsFileLineColumnSeverityCodeMessage() {
        LintRun run = lint(DOMAINS + "/typo.xml");
        assertTrue(run.lines().contains(DOMAINS + "/typo.xml:9:30: error unknown-model: "
                + "Unknown CPU model Haswel-noTSX (did you mean Haswell-noTSX?)"), run::toString);
    }

    @Test
    void findingsAreGroupedUnderTheirFileAndGroupsAreSeparatedByABlankLine() {
        LintRun run = lint(DOMAINS + "/typo.xml", DOMAINS + "/passthrough.xml");
        assertEquals(List.of(
                DOMAINS + "/passthrough.xml",
                DOMAINS + "/passthrough.xml:8:4: warning host-cpu-heterogeneous: host-passthrough on host set 'prod', "
                        + "whose 2 hosts have different CPUs: the guest CPU depends on where it starts and live migration "
                        + "to a host with fewer features fails; the set's baseline is Haswell-noTSX-IBRS +17 features",
                "",
                DOMAINS + "/typo.xml",
                DOMAINS + "/typo.xml:9:30: error unknown-model: Unknown CPU model Haswel-noTSX (did you mean Haswell-noTSX?)",
                "",
                "2 domain files checked: 1 error, 1 warning; 2 hosts in host sets"), run.lines());
    }

    @Test
    void theModelFeaturesAHostLacksAreOneFinding() {
        List<String> lines = lint(DOMAINS + "/too-new.xml").lines().stream()
                .filter(l -> l.startsWith(DOMAINS + "/too-new.xml:")).toList();
        assertEquals(List.of(DOMAINS + "/too-new.xml:9:30: error host-missing-model-feature: CPU model Skylake-Server-IBRS needs "
                + "14 features that kvm-prod-04 lacks: hle, rtm, avx512f, avx512dq, rdseed, adx, smap, clwb, … (runs on 1 of 2 "
                + "hosts of host set 'prod')"), lines);
    }

    @Test
    void summaryCountsDomainFilesSkippedXmlErrorsWarningsAndHosts() {
        LintRun run = lint(WORKSPACE);
        assertEquals("5 domain files checked, 4 other XML files skipped: 2 errors, 1 warning; 4 hosts in host sets",
                run.lines().get(run.lines().size() - 1), run::toString);
    }

    @Test
    void summaryCountsInfoFindingsWhenTheyAreShown() {
        LintRun run = lint("--severity", "info", WORKSPACE);
        assertEquals("5 domain files checked, 4 other XML files skipped: 2 errors, 1 warning, 5 info; 4 hosts in host sets",
                run.lines().get(run.lines().size() - 1), run::toString);
    }

    @Test
    void aCleanFilePrintsOnlyTheSummary() {
        LintRun run = lint(DOMAINS + "/clean.xml");
        assertEquals(List.of("1 domain file checked: 0 errors, 0 warnings; 2 hosts in host sets"), run.lines());
        assertEquals("", run.err());
    }

    @Test
    void findingsBelowTheSeverityThresholdAreNotPrinted() {
        LintRun run = lint("--severity", "error", DOMAINS + "/passthrough.xml");
        assertEquals(List.of("1 domain file checked: 0 errors, 0 warnings; 2 hosts in host sets"), run.lines());
    }

    @Test
    void outputHasNoAnsiColourWhenStdoutIsNotATerminal() {
        LintRun run = lint(WORKSPACE);
        assertFalse(run.out().contains("\u001b"), run::toString);
    }

    @Test
    void colourAlwaysPrintsSeveritiesInColourAndFileNamesInBold() {
        LintRun run = lint("--color", "always", DOMAINS + "/typo.xml");
        assertTrue(run.out().contains("\u001b[1m" + DOMAINS + "/typo.xml\u001b[0m\n"), run::toString);
        assertTrue(run.out().contains(":9:30: \u001b[31merror\u001b[0m unknown-model: "), run::toString);
    }

    @Test
    void colourNeverIsPlainText() {
        assertFalse(lint("--color", "never", DOMAINS + "/typo.xml").out().contains("\u001b"));
    }
}
