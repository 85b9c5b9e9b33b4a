package dev.virtcpu.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SpecVersion;
import dev.virtcpu.PomVersion;
import dev.virtcpu.analysis.rules.Rule;
import dev.virtcpu.analysis.rules.Rules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.virtcpu.lint.Fixtures.BROKEN_CONFIG;
import static dev.virtcpu.lint.Fixtures.DOMAINS;
import static dev.virtcpu.lint.Fixtures.WORKSPACE;
import static dev.virtcpu.lint.JsonSchemas.assertValid;
import static dev.virtcpu.lint.JsonSchemas.parse;
import static dev.virtcpu.lint.LintRun.lint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --format sarif}: a SARIF 2.1.0 log as GitHub code scanning accepts it (results located by
 * a repository-relative {@code artifactLocation.uri} and a {@code region.startLine}).
 */
class LintSarifFormatTest {
    private static JsonSchema sarifSchema;

    @BeforeAll
    static void loadSchema() {
        sarifSchema = JsonSchemas.load(Fixtures.ROOT + "/sarif-schema-2.1.0.json", SpecVersion.VersionFlag.V4);
    }

    private static JsonNode sarif(String... args) {
        List<String> all = new ArrayList<>(List.of("--format", "sarif"));
        all.addAll(List.of(args));
        return parse(lint(all.toArray(String[]::new)).out());
    }

    private static JsonNode run(JsonNode log) {
        return log.at("/runs/0");
    }

    private static JsonNode firstResult(JsonNode log, String ruleId) {
        for (JsonNode r : run(log).get("results")) {
            if (r.get("ruleId").asText().equals(ruleId)) return r;
        }
        throw new AssertionError("no " + ruleId + " result in " + log.toPrettyString());
    }

    @Test
    void logOfTheWorkspaceValidatesAgainstTheSarif210Schema() {
        assertValid(sarifSchema, sarif("--severity", "info", WORKSPACE));
    }

    @Test
    void logWithAConfigurationProblemValidatesAgainstTheSarif210Schema() {
        assertValid(sarifSchema, sarif(BROKEN_CONFIG));
    }

    @Test
    void logWithoutResultsValidatesAgainstTheSarif210Schema() {
        JsonNode log = sarif(DOMAINS + "/clean.xml");
        assertValid(sarifSchema, log);
        assertEquals(0, run(log).get("results").size());
    }

    @Test
    void theVendoredSchemaRejectsAResultWithoutMessage() {
        JsonNode log = sarif(DOMAINS + "/typo.xml");
        ((com.fasterxml.jackson.databind.node.ObjectNode) run(log).at("/results/0")).remove("message");
        assertFalse(sarifSchema.validate(log).isEmpty());
    }

    @Test
    void logDeclaresVersion210AndTheVirtcpuDriver() {
        JsonNode log = sarif(DOMAINS + "/clean.xml");
        assertEquals("2.1.0", log.get("version").asText());
        assertEquals("virtcpu", run(log).at("/tool/driver/name").asText());
    }

    @Test
    void driverVersionIsThePomVersion() {
        assertEquals(PomVersion.read(), run(sarif(DOMAINS + "/clean.xml")).at("/tool/driver/version").asText());
    }

    @Test
    void everyFindingCodeIsARuleWithHelpTextAndItsDefaultLevel() {
        JsonNode rules = run(sarif(DOMAINS + "/clean.xml")).at("/tool/driver/rules");
        List<String> ids = new ArrayList<>();
        for (JsonNode rule : rules) {
            String id = rule.get("id").asText();
            ids.add(id);
            Rule expected = Rules.byCode(id);
            assertEquals(expected.rationale(), rule.at("/help/text").asText(), id);
            assertTrue(rule.at("/help/markdown").asText().contains(expected.rationale()), id);
            assertEquals(expected.summary(), rule.at("/shortDescription/text").asText(), id);
            String level = switch (expected.defaultSeverity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                default -> "note";
            };
            assertEquals(level, rule.at("/defaultConfiguration/level").asText(), id);
        }
        assertEquals(Rules.ALL.stream().map(Rule::code).toList(), ids);
    }

    @Test
    void aResultNamesItsRuleByIdAndIndex() {
        JsonNode log = sarif(WORKSPACE);
        JsonNode rules = run(log).at("/tool/driver/rules");
        for (JsonNode r : run(log).get("results")) {
            assertEquals(r.get("ruleId").asText(), rules.get(r.get("ruleIndex").asInt()).get("id").asText());
        }
    }

    @Test
    void aResultIsLocatedByARepositoryRelativeUriAndOneBasedRegion() {
        JsonNode location = firstResult(sarif(DOMAINS + "/typo.xml"), "unknown-model").at("/locations/0/physicalLocation");
        assertEquals(DOMAINS + "/typo.xml", location.at("/artifactLocation/uri").asText());
        assertEquals(9, location.at("/region/startLine").asInt());
        assertEquals(30, location.at("/region/startColumn").asInt());
        assertEquals(9, location.at("/region/endLine").asInt());
        assertEquals(42, location.at("/region/endColumn").asInt());
    }

    @Test
    void everyResultHasARelativeUriAndAStartLine() {
        JsonNode log = sarif("--severity", "info", WORKSPACE, BROKEN_CONFIG);
        assertTrue(run(log).get("results").size() > 5);
        for (JsonNode r : run(log).get("results")) {
            JsonNode loc = r.at("/locations/0/physicalLocation");
            String uri = loc.at("/artifactLocation/uri").asText();
            assertTrue(uri.startsWith("src/test/resources/lint/"), uri);
            assertTrue(loc.at("/region/startLine").asInt() >= 1, r::toString);
        }
    }

    @Test
    void resultLevelsFollowTheFindingSeverity() {
        JsonNode log = sarif("--severity", "info", DOMAINS + "/passthrough.xml", DOMAINS + "/typo.xml");
        assertEquals("warning", firstResult(log, "host-cpu-heterogeneous").get("level").asText());
        assertEquals("note", firstResult(log, "host-set-summary").get("level").asText());
        assertEquals("error", firstResult(log, "unknown-model").get("level").asText());
    }

    @Test
    void aHostFindingHasARelatedLocationInTheHostFile() {
        JsonNode result = firstResult(sarif(DOMAINS + "/too-new.xml"), "host-missing-model-feature");
        JsonNode related = result.get("relatedLocations");
        assertEquals(1, related.size());
        assertEquals(WORKSPACE + "/hosts/prod/kvm-prod-04.xml", related.at("/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals(5, related.at("/0/physicalLocation/region/startLine").asInt());
        assertEquals(5, related.at("/0/physicalLocation/region/startColumn").asInt());
        assertTrue(related.at("/0/message/text").asText().startsWith("kvm-prod-04: lacks hle, rtm, "), related::toString);
    }

    @Test
    void relatedLocationsOfOneResultHaveDistinctIds() {
        JsonNode result = firstResult(sarif("--host-set", "lab", DOMAINS + "/too-new.xml"), "host-vendor-mismatch");
        JsonNode related = result.get("relatedLocations");
        assertEquals(2, related.size(), result::toPrettyString);
        assertEquals(0, related.at("/0/id").asInt());
        assertEquals(1, related.at("/1/id").asInt());
    }
}
