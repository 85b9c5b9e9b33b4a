package dev.virtcpu.lint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.virtcpu.analysis.RuleFixtures;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.virtcpu.lint.JsonSchemas.parse;
import static dev.virtcpu.lint.LintRun.lint;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The rule fixtures through {@code virtcpu lint --format json --severity info DIR}: per file, the
 * findings of the rule with their fix titles are the expected ones.
 */
class RuleFixturesThroughLintTest {

    @TestFactory
    List<DynamicTest> lintJsonReportsTheExpectedFindingsAndFixes() {
        Map<String, List<RuleFixtures.Case>> byRule = new LinkedHashMap<>();
        for (RuleFixtures.Case c : RuleFixtures.cases()) byRule.computeIfAbsent(c.code(), k -> new ArrayList<>()).add(c);
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, List<RuleFixtures.Case>> e : byRule.entrySet()) {
            tests.add(DynamicTest.dynamicTest(e.getKey(), () -> {
                Path dir = RuleFixtures.root().resolve(e.getKey());
                JsonNode report = parse(lint("--format", "json", "--severity", "info", dir.toString()).out());
                for (RuleFixtures.Case c : e.getValue()) {
                    assertEquals(String.join("\n", RuleFixtures.expected(c)), String.join("\n", findings(report, c)), c.toString());
                }
            }));
        }
        return tests;
    }

    /** The case's findings of its rule in the report, as in the expected file. */
    private static List<String> findings(JsonNode report, RuleFixtures.Case c) {
        List<String> out = new ArrayList<>();
        for (JsonNode file : report.get("files")) {
            if (!Path.of(file.get("path").asText()).toAbsolutePath().normalize().equals(c.xml().toAbsolutePath().normalize())) continue;
            for (JsonNode f : file.get("findings")) {
                if (!f.get("code").asText().equals(c.code())) continue;
                out.add(f.at("/start/line").asInt() + ":" + f.at("/start/column").asInt() + " " + f.get("severity").asText() + " "
                        + c.code() + ": " + f.get("message").asText());
                for (JsonNode fix : f.get("fixes")) out.add("  fix: " + fix.asText());
            }
        }
        return out;
    }
}
