package dev.virtcpu.lint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.virtcpu.lint.Fixtures.BROKEN_CONFIG;
import static dev.virtcpu.lint.Fixtures.DOMAINS;
import static dev.virtcpu.lint.Fixtures.WORKSPACE;
import static dev.virtcpu.lint.JunitXml.elements;
import static dev.virtcpu.lint.LintRun.lint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --format junit}: JUnit XML valid against the Jenkins xUnit plugin's junit-10.xsd; one suite
 * per file, one test case per domain, one failure per finding at or above --severity.
 */
class LintJunitFormatTest {

    static String junit(String... args) {
        List<String> all = new ArrayList<>(List.of("--format", "junit"));
        all.addAll(List.of(args));
        return lint(all.toArray(String[]::new)).out();
    }

    private static Element root(String xml) {
        return JunitXml.parse(xml).getDocumentElement();
    }

    private static Element suite(String xml, String file) {
        for (Element s : elements(root(xml), "testsuite")) {
            if (s.getAttribute("file").equals(file)) return s;
        }
        throw new AssertionError("no suite for " + file + " in\n" + xml);
    }

    @Test
    void reportOfTheWorkspaceIsValidAgainstJenkinsJunitSchema() {
        String xml = junit("--severity", "info", WORKSPACE);
        assertNull(JunitXml.violation(xml), xml);
        assertTrue(elements(root(xml), "failure").size() > 5, xml);
    }

    @Test
    void reportWithAConfigurationProblemAndAMissingPathIsValid() {
        String xml = junit(BROKEN_CONFIG, DOMAINS + "/missing.xml");
        assertNull(JunitXml.violation(xml), xml);
        Element error = elements(root(xml), "error").get(0);
        assertEquals("no such file or directory: " + DOMAINS + "/missing.xml", error.getAttribute("message"));
        assertEquals("config-problem", elements(suite(xml, BROKEN_CONFIG + "/.virtcpu.json"), "failure").get(0).getAttribute("type"));
    }

    @Test
    void theSchemaRejectsASuiteWithoutTestCount() {
        String xml = junit(DOMAINS + "/typo.xml").replaceFirst("(<testsuite [^>]*?) tests=\"1\"", "$1");
        assertNotNull(JunitXml.violation(xml), xml);
    }

    @Test
    void eachFileIsASuiteWithOneTestCaseNamedAfterTheDomain() {
        String xml = junit(DOMAINS + "/typo.xml", DOMAINS + "/clean.xml");
        List<Element> suites = elements(root(xml), "testsuite");
        assertEquals(List.of(DOMAINS + "/clean.xml", DOMAINS + "/typo.xml"), suites.stream().map(s -> s.getAttribute("name")).toList());
        Element typo = suite(xml, DOMAINS + "/typo.xml");
        List<Element> cases = elements(typo, "testcase");
        assertEquals(1, cases.size());
        assertEquals("typo", cases.get(0).getAttribute("name"));
        assertEquals(DOMAINS + "/typo.xml", cases.get(0).getAttribute("classname"));
        assertEquals("2", root(xml).getAttribute("tests"));
        assertEquals("1", root(xml).getAttribute("failures"));
    }

    @Test
    void aCleanDomainIsAPassingTestCase() {
        Element clean = suite(junit(DOMAINS + "/clean.xml"), DOMAINS + "/clean.xml");
        assertEquals("0", clean.getAttribute("failures"));
        assertEquals(0, elements(clean, "failure").size());
        assertEquals(1, elements(clean, "testcase").size());
    }

    @Test
    void aFailureNamesTheFileLineColumnAndCode() {
        Element failure = elements(suite(junit(DOMAINS + "/typo.xml"), DOMAINS + "/typo.xml"), "failure").get(0);
        assertEquals("unknown-model", failure.getAttribute("type"));
        assertEquals("Unknown CPU model Haswel-noTSX (did you mean Haswell-noTSX?)", failure.getAttribute("message"));
        assertEquals(DOMAINS + "/typo.xml:9:30: error unknown-model: Unknown CPU model Haswel-noTSX (did you mean Haswell-noTSX?)",
                failure.getTextContent());
    }

    @Test
    void aHostFailureListsTheHostFilesAfterTheFinding() {
        Element failure = elements(suite(junit(DOMAINS + "/too-new.xml"), DOMAINS + "/too-new.xml"), "failure").get(0);
        assertEquals("host-missing-model-feature", failure.getAttribute("type"));
        assertTrue(failure.getTextContent().endsWith("\n  " + WORKSPACE + "/hosts/prod/kvm-prod-04.xml:5:5: kvm-prod-04: lacks hle, rtm, "
                + "avx512f, avx512dq, rdseed, adx, smap, clwb, avx512cd, avx512bw, avx512vl, xsavec, xgetbv1, 3dnowprefetch"),
                failure::getTextContent);
    }

    @Test
    void findingsBelowTheSeverityAreNoFailures() {
        String warnings = junit(DOMAINS + "/passthrough.xml");
        assertEquals(1, elements(root(warnings), "failure").size(), warnings);
        String errorsOnly = junit("--severity", "error", DOMAINS + "/passthrough.xml");
        assertEquals(0, elements(root(errorsOnly), "failure").size(), errorsOnly);
        assertEquals("1", root(errorsOnly).getAttribute("tests"));
    }

    @Test
    void markupAndControlCharactersFromTheInputStayValidXml(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("odd.xml");
        Files.writeString(file, "<domain type='kvm'>\n<name>a&amp;b &lt;c&gt; \"q\"</name>\n<cpu mode='custom' match='exact'>\n"
                + "<model>Has\u001b[31mwell</model>\n<feature policy='require' name='x&#13;&#10;y&quot;&lt;'/>\n</cpu>\n</domain>\n");
        String xml = junit(file.toString());
        assertNull(JunitXml.violation(xml), xml);
        Element testcase = elements(root(xml), "testcase").get(0);
        assertEquals("a&b <c> \"q\"", testcase.getAttribute("name"));
        // control characters from the input are escaped visibly in every format
        assertTrue(elements(testcase, "failure").stream().anyMatch(f -> f.getAttribute("message").contains("x\\x0D\\x0Ay\"<")), xml);
        assertTrue(xml.contains("\\x1B[31m"), xml);
    }
}
