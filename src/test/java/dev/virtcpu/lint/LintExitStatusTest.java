package dev.virtcpu.lint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.virtcpu.lint.Fixtures.BROKEN_CONFIG;
import static dev.virtcpu.lint.Fixtures.DOMAINS;
import static dev.virtcpu.lint.LintRun.lint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exit status: 0 no findings at or above --severity, 1 findings, 2 usage or configuration error. */
class LintExitStatusTest {

    @Test
    void noFindingsExitsZero() {
        assertEquals(0, lint(DOMAINS + "/clean.xml").exit());
    }

    @Test
    void anErrorExitsOne() {
        assertEquals(1, lint(DOMAINS + "/typo.xml").exit());
    }

    @Test
    void aWarningExitsOneAtTheDefaultSeverity() {
        assertEquals(1, lint(DOMAINS + "/passthrough.xml").exit());
    }

    @Test
    void findingsBelowTheSeverityExitZero() {
        assertEquals(0, lint("--severity", "error", DOMAINS + "/passthrough.xml").exit());
    }

    @Test
    void theHostSetSummaryOfACleanDomainIsShownAtSeverityInfoButIsNoProblem() {
        LintRun run = lint("--severity", "info", DOMAINS + "/clean.xml");
        assertTrue(run.out().contains(" info host-set-summary: "), run::toString);
        assertEquals(0, run.exit(), run::toString);
    }

    @Test
    void everyFormatHasTheSameExitStatus() {
        for (String format : new String[]{"text", "json", "sarif", "github"}) {
            assertEquals(1, lint("--format", format, DOMAINS + "/typo.xml").exit(), format);
            assertEquals(0, lint("--format", format, DOMAINS + "/clean.xml").exit(), format);
        }
    }

    @Test
    void anUnknownFormatExitsTwo() {
        LintRun run = lint("--format", "xml", DOMAINS + "/clean.xml");
        assertEquals(2, run.exit());
        assertEquals("virtcpu: --format must be text, json, sarif, github, codequality or junit\n", run.err());
        assertEquals("", run.out());
    }

    @Test
    void anUnknownSeverityExitsTwo() {
        assertEquals(2, lint("--severity", "fatal", DOMAINS + "/clean.xml").exit());
    }

    @Test
    void anUnknownOptionExitsTwo() {
        assertEquals(2, lint("--no-such-option", DOMAINS + "/clean.xml").exit());
    }

    @Test
    void noPathExitsTwo() {
        assertEquals(2, lint().exit());
    }

    @Test
    void aMissingConfigFileExitsTwo() {
        LintRun run = lint("--config", "no/such/.virtcpu.json", DOMAINS + "/clean.xml");
        assertEquals(2, run.exit());
        assertEquals("virtcpu: configuration file not found: no/such/.virtcpu.json\n", run.err());
    }

    @Test
    void aBrokenConfigGivenByConfigExitsTwo() {
        LintRun run = lint("--config", BROKEN_CONFIG + "/.virtcpu.json", DOMAINS + "/clean.xml");
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("virtcpu: ") && run.err().contains(".virtcpu.json: invalid JSON: "), run::toString);
    }

    @Test
    void aBrokenConfigFoundNextToTheDomainsIsAFindingAndExitsTwo() {
        LintRun run = lint(BROKEN_CONFIG);
        assertEquals(2, run.exit());
        assertTrue(run.out().contains(BROKEN_CONFIG + "/.virtcpu.json:4:1: error config-problem: invalid JSON: "), run::toString);
    }

    @Test
    void aPathThatDoesNotExistExitsTwo() {
        LintRun run = lint(DOMAINS + "/missing.xml");
        assertEquals(2, run.exit());
        assertTrue(run.out().contains("error: no such file or directory: " + DOMAINS + "/missing.xml\n"), run::toString);
    }

    @Test
    void aPathThatDoesNotExistExitsTwoNextToACleanFile() {
        assertEquals(2, lint(DOMAINS + "/clean.xml", DOMAINS + "/missing.xml").exit());
    }

    @Test
    void aPathThatDoesNotExistIsReportedOnStderrInMachineFormats() {
        LintRun run = lint("--format", "sarif", DOMAINS + "/missing.xml");
        assertEquals(2, run.exit());
        assertEquals("error: no such file or directory: " + DOMAINS + "/missing.xml\n", run.err());
    }

    @Test
    void aDirectoryWithoutDomainsExitsZero(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("net.xml"), "<network><name>default</name></network>\n");
        LintRun run = lint(dir.toString());
        assertEquals(0, run.exit());
        assertEquals("0 domain files checked, 1 other XML file skipped: 0 errors, 0 warnings; 0 hosts in host sets\n", run.out());
    }
}
