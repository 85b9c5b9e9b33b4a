package dev.virtcpu.analysis;

import dev.virtcpu.xml.LineMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * diagnostics/NAME.xml is analysed against the examples' host set; NAME.expected lists every finding
 * as "line:col severity code: message" (one-based), in the analyser's order.
 */
class DiagnosticsFixtureTest {
    static Stream<String> fixtures() {
        return Fixtures.names("diagnostics");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void findingsMatchTheExpectedList(String name) {
        String text = Fixtures.read("diagnostics", name + ".xml");
        DocumentAnalysis a = Fixtures.analyze(name, text);
        LineMap lines = new LineMap(text);
        List<String> actual = a.findings().stream().map(f -> Fixtures.describe(f, lines)).collect(Collectors.toList());
        assertEquals(String.join("\n", Fixtures.expectedLines("diagnostics", name + ".expected")), String.join("\n", actual),
                "findings of diagnostics/" + name + ".xml");
    }
}
