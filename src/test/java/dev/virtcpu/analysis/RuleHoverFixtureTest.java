package dev.virtcpu.analysis;

import dev.virtcpu.xml.XmlDocument;
import dev.virtcpu.xml.XmlParser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Hover in the rule fixtures: {@code rules/CODE/…/NAME.hover.xml} has a cursor {@code |};
 * {@code NAME.hover.md} is the expected Markdown after a line "range: TEXT" (as in hover/), the file
 * analysed with the configuration that governs it where it is.
 */
class RuleHoverFixtureTest {

    @TestFactory
    List<DynamicTest> hoverIsTheExpectedMarkdown() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> s = Files.walk(RuleFixtures.root())) {
            for (Path xml : s.filter(p -> p.toString().endsWith(".hover.xml")).sorted().toList()) {
                Path md = xml.resolveSibling(xml.getFileName().toString().replace(".hover.xml", ".hover.md"));
                tests.add(DynamicTest.dynamicTest(RuleFixtures.root().relativize(xml).toString(), () -> {
                    Fixtures.Input in = Fixtures.Input.of(Fixtures.read(xml));
                    XmlDocument doc = XmlParser.parse(in.text());
                    DocumentAnalysis a = Analyzer.analyze(doc, new Project().resolve(xml, doc).context());
                    Hover h = Assist.hover(a, in.cursor());
                    String actual = h == null ? "" : "range: " + in.text().substring(h.start(), h.end()) + "\n" + h.markdown() + "\n";
                    assertEquals(Fixtures.read(md), actual, "hover of " + xml);
                }));
            }
        }
        return tests;
    }
}
