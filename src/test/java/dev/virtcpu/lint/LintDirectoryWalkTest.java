package dev.virtcpu.lint;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.virtcpu.lint.Fixtures.DOMAINS;
import static dev.virtcpu.lint.Fixtures.WORKSPACE;
import static dev.virtcpu.lint.JsonSchemas.parse;
import static dev.virtcpu.lint.LintRun.lint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which files a directory argument lints: every *.xml below it whose root is domain, minus ignore globs. */
class LintDirectoryWalkTest {
    private static final String BAD_DOMAIN = "<domain type='kvm'>\n  <name>x</name>\n  <cpu mode='custom' match='exact'>\n"
            + "    <model>NoSuchModel</model>\n  </cpu>\n</domain>\n";

    private static List<String> reportedPaths(String... args) {
        List<String> all = new ArrayList<>(List.of("--format", "json", "--severity", "info"));
        all.addAll(List.of(args));
        List<String> paths = new ArrayList<>();
        for (JsonNode f : parse(lint(all.toArray(String[]::new)).out()).get("files")) paths.add(f.get("path").asText());
        return paths;
    }

    @Test
    void domainsInSubdirectoriesAreLinted() {
        assertTrue(reportedPaths(WORKSPACE).contains(DOMAINS + "/lab/amd.xml"));
    }

    @Test
    void filesAreReportedInPathOrder() {
        assertEquals(List.of(DOMAINS + "/clean.xml", DOMAINS + "/lab/amd.xml", DOMAINS + "/passthrough.xml",
                DOMAINS + "/too-new.xml", DOMAINS + "/typo.xml"), reportedPaths(WORKSPACE));
    }

    @Test
    void xmlThatIsNotADomainIsSkippedAndCounted() {
        JsonNode report = parse(lint("--format", "json", WORKSPACE).out());
        // network.xml and the three host files
        assertEquals(4, report.at("/summary/filesSkipped").asInt());
        assertFalse(report.get("files").toString().contains("network.xml"));
    }

    @Test
    void filesMatchingAnIgnoreGlobOfTheConfigurationAreNeitherLintedNorCounted() {
        JsonNode report = parse(lint("--format", "json", WORKSPACE).out());
        assertFalse(report.get("files").toString().contains("drafts"));
        assertEquals(5, report.at("/summary/filesChecked").asInt());
    }

    @Test
    void anIgnoredFileNamedExplicitlyIsLinted() {
        assertEquals(List.of(DOMAINS + "/drafts/unfinished.xml"), reportedPaths(DOMAINS + "/drafts/unfinished.xml"));
    }

    @Test
    void filesNotEndingInXmlAreNotRead(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("domain.xml.bak"), BAD_DOMAIN);
        Files.writeString(dir.resolve("notes.txt"), "not xml");
        LintRun run = lint(dir.toString());
        assertEquals(0, run.exit(), run::toString);
        assertEquals("0 domain files checked: 0 errors, 0 warnings; 0 hosts in host sets\n", run.out());
    }

    @Test
    void ignoreGlobsApplyRelativeToTheConfigurationDirectory(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("vms/old"));
        Files.writeString(dir.resolve(".virtcpu.json"), "{\"ignore\": [\"vms/old/*.xml\", \"**/*.generated.xml\"]}\n");
        Files.writeString(dir.resolve("vms/old/a.xml"), BAD_DOMAIN);
        Files.writeString(dir.resolve("vms/b.generated.xml"), BAD_DOMAIN);
        Files.writeString(dir.resolve("vms/c.xml"), BAD_DOMAIN);
        List<String> paths = reportedPaths(dir.toString());
        assertEquals(List.of(dir.resolve("vms/c.xml").toString()), paths);
    }

    @Test
    void aFileAndTheDirectoryHoldingItAreLintedOnce() {
        JsonNode report = parse(lint("--format", "json", DOMAINS + "/typo.xml", DOMAINS).out());
        assertEquals(5, report.at("/summary/filesChecked").asInt());
    }
}
