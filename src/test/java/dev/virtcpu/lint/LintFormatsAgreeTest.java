package dev.virtcpu.lint;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static dev.virtcpu.lint.Fixtures.BROKEN_CONFIG;
import static dev.virtcpu.lint.Fixtures.DOMAINS;
import static dev.virtcpu.lint.Fixtures.WORKSPACE;
import static dev.virtcpu.lint.JsonSchemas.parse;
import static dev.virtcpu.lint.JunitXml.elements;
import static dev.virtcpu.lint.LintRun.lint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every format reports the findings the JSON report lists: the same number, and the same
 * (file, line, code) triples.
 */
class LintFormatsAgreeTest {
    private static final Pattern TEXT_FINDING = Pattern.compile("^(.+):(\\d+):\\d+: (?:error|warning|info|hint) (\\S+): .*$");
    private static final Pattern TEXT_SUMMARY = Pattern.compile(": (\\d+) errors?, (\\d+) warnings?(?:, (\\d+) info)?;");
    private static final Pattern GITHUB = Pattern.compile("^::\\w+ file=([^,]+),line=(\\d+),.*,title=virtcpu (\\S+)::.*$");
    private static final Pattern JUNIT_TEXT = Pattern.compile("^(.+):(\\d+):\\d+: \\S+ (\\S+): ");

    static Stream<List<String>> runs() {
        return Stream.of(
                List.of(WORKSPACE),
                List.of("--severity", "info", WORKSPACE),
                List.of("--severity", "error", WORKSPACE),
                List.of("--severity", "info", "examples"),
                List.of(BROKEN_CONFIG),
                List.of(DOMAINS + "/clean.xml"));
    }

    private static String run(String format, List<String> args) {
        List<String> all = new ArrayList<>(List.of("--format", format));
        all.addAll(args);
        return lint(all.toArray(String[]::new)).out();
    }

    private static String triple(String path, int line, String code) {
        return path + ":" + line + " " + code;
    }

    private static List<String> json(List<String> args) {
        JsonNode report = parse(run("json", args));
        List<String> out = new ArrayList<>();
        for (JsonNode file : report.get("files")) {
            for (JsonNode f : file.get("findings")) {
                out.add(triple(file.get("path").asText(), f.at("/start/line").asInt(), f.get("code").asText()));
            }
        }
        assertEquals(out.size(), report.at("/summary/findings").asInt());
        return out.stream().sorted().toList();
    }

    @ParameterizedTest
    @MethodSource("runs")
    void textListsTheJsonFindingsAndCountsThemInItsSummary(List<String> args) {
        List<String> expected = json(args);
        List<String> found = new ArrayList<>();
        int summed = -1;
        for (String line : lint(args.toArray(String[]::new)).lines()) {
            Matcher m = TEXT_FINDING.matcher(line);
            if (m.matches()) found.add(triple(m.group(1), Integer.parseInt(m.group(2)), m.group(3)));
            Matcher s = TEXT_SUMMARY.matcher(line);
            if (s.find()) summed = Integer.parseInt(s.group(1)) + Integer.parseInt(s.group(2))
                    + (s.group(3) == null ? 0 : Integer.parseInt(s.group(3)));
        }
        assertEquals(expected, found.stream().sorted().toList());
        assertEquals(expected.size(), summed);
    }

    @ParameterizedTest
    @MethodSource("runs")
    void sarifHasOneResultPerJsonFinding(List<String> args) {
        List<String> found = new ArrayList<>();
        for (JsonNode r : parse(run("sarif", args)).at("/runs/0/results")) {
            JsonNode loc = r.at("/locations/0/physicalLocation");
            found.add(triple(loc.at("/artifactLocation/uri").asText(), loc.at("/region/startLine").asInt(), r.get("ruleId").asText()));
        }
        assertEquals(json(args), found.stream().sorted().toList());
    }

    @ParameterizedTest
    @MethodSource("runs")
    void githubHasOneCommandPerJsonFinding(List<String> args) {
        List<String> found = new ArrayList<>();
        for (String line : run("github", args).lines().toList()) {
            Matcher m = GITHUB.matcher(line);
            assertTrue(m.matches(), line);
            found.add(triple(m.group(1), Integer.parseInt(m.group(2)), m.group(3)));
        }
        assertEquals(json(args), found.stream().sorted().toList());
    }

    @ParameterizedTest
    @MethodSource("runs")
    void codeQualityHasOneIssuePerJsonFinding(List<String> args) {
        List<String> found = new ArrayList<>();
        for (JsonNode issue : parse(run("codequality", args))) {
            found.add(triple(issue.at("/location/path").asText(), issue.at("/location/lines/begin").asInt(),
                    issue.get("check_name").asText()));
        }
        assertEquals(json(args), found.stream().sorted().toList());
    }

    @ParameterizedTest
    @MethodSource("runs")
    void junitHasOneFailurePerJsonFinding(List<String> args) {
        List<String> found = new ArrayList<>();
        Element root = JunitXml.parse(run("junit", args)).getDocumentElement();
        for (Element suite : elements(root, "testsuite")) {
            for (Element failure : elements(suite, "failure")) {
                Matcher m = JUNIT_TEXT.matcher(failure.getTextContent());
                assertTrue(m.find(), failure::getTextContent);
                assertEquals(suite.getAttribute("file"), m.group(1));
                assertEquals(failure.getAttribute("type"), m.group(3));
                found.add(triple(m.group(1), Integer.parseInt(m.group(2)), m.group(3)));
            }
        }
        assertEquals(json(args), found.stream().sorted().toList());
    }
}
