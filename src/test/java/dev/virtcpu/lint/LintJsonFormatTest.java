package dev.virtcpu.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SpecVersion;
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

/** {@code --format json}: the structure documented by schemas/lint-report.schema.json. */
class LintJsonFormatTest {
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() {
        schema = JsonSchemas.load("schemas/lint-report.schema.json", SpecVersion.VersionFlag.V202012);
    }

    private static JsonNode json(String... args) {
        List<String> all = new ArrayList<>(List.of("--format", "json"));
        all.addAll(List.of(args));
        return parse(lint(all.toArray(String[]::new)).out());
    }

    @Test
    void reportOfTheWorkspaceMatchesTheSchema() {
        assertValid(schema, json("--severity", "info", WORKSPACE));
    }

    @Test
    void reportWithAConfigurationProblemMatchesTheSchema() {
        JsonNode report = json(BROKEN_CONFIG);
        assertValid(schema, report);
        assertEquals(BROKEN_CONFIG + "/.virtcpu.json", report.at("/files/0/path").asText());
        assertEquals("config-problem", report.at("/files/0/findings/0/code").asText());
    }

    @Test
    void reportWithANoSuchPathErrorMatchesTheSchema() {
        JsonNode report = json(DOMAINS + "/clean.xml", DOMAINS + "/missing.xml");
        assertValid(schema, report);
        assertEquals("no such file or directory: " + DOMAINS + "/missing.xml", report.at("/errors/0").asText());
    }

    @Test
    void aReportWithoutFindingsMatchesTheSchema() {
        JsonNode report = json(DOMAINS + "/clean.xml");
        assertValid(schema, report);
        assertEquals(0, report.at("/files").size());
        assertEquals(1, report.at("/summary/filesChecked").asInt());
    }

    @Test
    void theSchemaRejectsAFindingWithoutPosition() {
        JsonNode report = json(DOMAINS + "/typo.xml");
        ((com.fasterxml.jackson.databind.node.ObjectNode) report.at("/files/0/findings/0")).remove("start");
        assertFalse(schema.validate(report).isEmpty());
    }

    @Test
    void aFindingHasCodeSeverityMessageAndOneBasedStartAndEnd() {
        JsonNode finding = json(DOMAINS + "/typo.xml").at("/files/0/findings/0");
        assertEquals("unknown-model", finding.get("code").asText());
        assertEquals("error", finding.get("severity").asText());
        assertEquals("Unknown CPU model Haswel-noTSX (did you mean Haswell-noTSX?)", finding.get("message").asText());
        assertEquals(9, finding.at("/start/line").asInt());
        assertEquals(30, finding.at("/start/column").asInt());
        assertEquals(9, finding.at("/end/line").asInt());
        assertEquals(42, finding.at("/end/column").asInt());
    }

    @Test
    void aHostFindingListsTheHostFileOfEveryHostThatLacksTheFeature() {
        JsonNode finding = json(DOMAINS + "/too-new.xml").at("/files/0/findings/0");
        assertEquals("host-missing-model-feature", finding.get("code").asText());
        JsonNode related = finding.get("related");
        assertEquals(1, related.size());
        assertEquals(WORKSPACE + "/hosts/prod/kvm-prod-04.xml", related.at("/0/path").asText());
        assertEquals(5, related.at("/0/line").asInt());
        assertTrue(related.at("/0/message").asText().startsWith("kvm-prod-04: lacks hle, rtm, avx512f, "), related::toString);
    }

    @Test
    void aFindingListsTheTitlesOfItsQuickFixes() {
        JsonNode fixes = json(DOMAINS + "/too-new.xml").at("/files/0/findings/0/fixes");
        assertEquals("Disable the 14 features some hosts lack: hle, rtm, avx512f, avx512dq, rdseed, adx, smap, clwb, …", fixes.get(0).asText());
        assertEquals("Use Haswell-noTSX-IBRS, the closest model every host runs", fixes.get(1).asText());
        assertTrue(fixes.get(2).asText().startsWith("Replace CPU with the guest-facing baseline of host set 'prod'"), fixes::toString);
    }

    @Test
    void summaryCountsFilesHostsAndTheFindingsListed() {
        JsonNode report = json(WORKSPACE);
        assertEquals(5, report.at("/summary/filesChecked").asInt());
        assertEquals(4, report.at("/summary/filesSkipped").asInt());
        assertEquals(4, report.at("/summary/hostsInSets").asInt());
        int listed = 0;
        for (JsonNode f : report.get("files")) listed += f.get("findings").size();
        assertEquals(3, listed);
        assertEquals(listed, report.at("/summary/findings").asInt());
    }

    @Test
    void onlyFindingsAtOrAboveTheSeverityAreListed() {
        JsonNode report = json("--severity", "error", WORKSPACE);
        for (JsonNode f : report.get("files")) {
            for (JsonNode finding : f.get("findings")) assertEquals("error", finding.get("severity").asText());
        }
        assertFalse(report.get("files").toString().contains("passthrough.xml"));
    }

    @Test
    void pathsAreRelativeToTheWorkingDirectory() {
        for (JsonNode f : json(WORKSPACE).get("files")) {
            assertTrue(f.get("path").asText().startsWith(WORKSPACE + "/"), f.get("path")::toString);
        }
    }
}
