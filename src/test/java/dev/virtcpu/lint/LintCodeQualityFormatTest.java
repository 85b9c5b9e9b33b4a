package dev.virtcpu.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static dev.virtcpu.lint.Fixtures.BROKEN_CONFIG;
import static dev.virtcpu.lint.Fixtures.DOMAINS;
import static dev.virtcpu.lint.Fixtures.WORKSPACE;
import static dev.virtcpu.lint.JsonSchemas.assertValid;
import static dev.virtcpu.lint.JsonSchemas.parse;
import static dev.virtcpu.lint.LintRun.lint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --format codequality}: GitLab's Code Quality report, checked against a JSON Schema written
 * from GitLab's documentation (src/test/resources/lint/gitlab-codequality.schema.json).
 */
class LintCodeQualityFormatTest {
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() {
        schema = JsonSchemas.load(Fixtures.ROOT + "/gitlab-codequality.schema.json", SpecVersion.VersionFlag.V202012);
    }

    static JsonNode codequality(String... args) {
        List<String> all = new ArrayList<>(List.of("--format", "codequality"));
        all.addAll(List.of(args));
        String out = lint(all.toArray(String[]::new)).out();
        assertTrue(out.startsWith("["), "a JSON array without byte order mark: " + out);
        return parse(out);
    }

    private static JsonNode first(JsonNode report, String checkName) {
        for (JsonNode issue : report) {
            if (issue.get("check_name").asText().equals(checkName)) return issue;
        }
        throw new AssertionError("no " + checkName + " issue in " + report.toPrettyString());
    }

    @Test
    void reportOfTheWorkspaceMatchesTheSchemaOfGitLabsDocumentation() {
        JsonNode report = codequality("--severity", "info", WORKSPACE);
        assertTrue(report.size() > 5, report::toPrettyString);
        assertValid(schema, report);
    }

    @Test
    void reportWithAConfigurationProblemMatchesTheSchema() {
        JsonNode report = codequality(BROKEN_CONFIG);
        assertValid(schema, report);
        assertEquals(BROKEN_CONFIG + "/.virtcpu.json", first(report, "config-problem").at("/location/path").asText());
    }

    @Test
    void aCleanDomainGivesAnEmptyArray() {
        JsonNode report = codequality(DOMAINS + "/clean.xml");
        assertValid(schema, report);
        assertEquals(0, report.size());
    }

    @Test
    void theSchemaRejectsAnIssueWithoutLineOrWithAnUnknownSeverity() {
        JsonNode noLine = codequality(DOMAINS + "/typo.xml");
        ((ObjectNode) noLine.at("/0/location")).remove("lines");
        assertFalse(schema.validate(noLine).isEmpty());
        JsonNode badSeverity = codequality(DOMAINS + "/typo.xml");
        ((ObjectNode) badSeverity.get(0)).put("severity", "error");
        assertFalse(schema.validate(badSeverity).isEmpty());
    }

    @Test
    void anIssueHasTheMessageTheCodeARelativePathAndTheLine() {
        JsonNode issue = first(codequality(DOMAINS + "/typo.xml"), "unknown-model");
        assertEquals("Unknown CPU model Haswel-noTSX (did you mean Haswell-noTSX?)", issue.get("description").asText());
        assertEquals(DOMAINS + "/typo.xml", issue.at("/location/path").asText());
        assertEquals(9, issue.at("/location/lines/begin").asInt());
    }

    @Test
    void errorsAreCriticalWarningsMajorAndInfoInfo() {
        JsonNode report = codequality("--severity", "info", DOMAINS + "/passthrough.xml", DOMAINS + "/typo.xml");
        assertEquals("critical", first(report, "unknown-model").get("severity").asText());
        assertEquals("major", first(report, "host-cpu-heterogeneous").get("severity").asText());
        assertEquals("info", first(report, "host-set-summary").get("severity").asText());
    }

    @Test
    void fingerprintsAreUniqueEvenForIdenticalFindingsInOneFile(@TempDir Path dir) throws IOException {
        Path twice = dir.resolve("twice.xml");
        Files.writeString(twice, "<domain type='kvm'>\n<name>x</name>\n<cpu mode='custom' match='exact'>\n"
                + "<model>Haswell</model>\n<feature policy='require' name='nosuch'/>\n"
                + "<feature policy='require' name='nosuch'/>\n</cpu>\n</domain>\n");
        JsonNode report = codequality("--severity", "info", WORKSPACE, twice.toString());
        List<String> fingerprints = new ArrayList<>();
        report.forEach(issue -> fingerprints.add(issue.get("fingerprint").asText()));
        assertEquals(fingerprints.size(), new HashSet<>(fingerprints).size(), report::toPrettyString);
        long identical = 0;
        for (JsonNode issue : report) {
            if (issue.get("description").asText().equals("Unknown CPU feature nosuch")) identical++;
        }
        assertEquals(2, identical, report::toPrettyString);
    }

    @Test
    void fingerprintsAreTheSameInEveryRun() {
        assertEquals(fingerprints(codequality("--severity", "info", WORKSPACE)),
                fingerprints(codequality("--severity", "info", WORKSPACE)));
    }

    @ParameterizedTest
    @ValueSource(strings = {WORKSPACE, "examples"})
    void fingerprintsStayWhenLinesAreInsertedAboveTheFindings(String fixture, @TempDir Path dir) throws IOException {
        Path workspace = Fixtures.copy(fixture, dir.resolve("workspace"));
        Map<String, String> before = fingerprints(codequality("--severity", "info", workspace.toString()));
        List<Integer> linesBefore = lines(codequality("--severity", "info", workspace.toString()));
        try (Stream<Path> files = Files.walk(workspace.resolve("domains"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".xml"))::iterator) {
                String text = Files.readString(f);
                Files.writeString(f, text.replaceFirst("<domain([^>]*)>", "<!-- moved down -->\n\n<domain$1>\n  <!-- and again -->"));
            }
        }
        JsonNode after = codequality("--severity", "info", workspace.toString());
        assertEquals(before, fingerprints(after));
        assertNotEquals(linesBefore, lines(after), "the findings did move");
    }

    /** description + path + check name → fingerprint, of every issue. */
    private static Map<String, String> fingerprints(JsonNode report) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode issue : report) {
            String key = issue.at("/location/path").asText() + " " + issue.get("check_name").asText() + " "
                    + issue.get("description").asText();
            String previous = out.put(key + " #" + out.keySet().stream().filter(k -> k.startsWith(key + " #")).count(),
                    issue.get("fingerprint").asText());
            assertEquals(null, previous);
        }
        return out;
    }

    private static List<Integer> lines(JsonNode report) {
        List<Integer> out = new ArrayList<>();
        report.forEach(issue -> out.add(issue.at("/location/lines/begin").asInt()));
        return out;
    }
}
