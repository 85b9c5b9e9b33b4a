package dev.virtcpu.analysis;

import dev.virtcpu.xml.XmlDocument;
import dev.virtcpu.xml.XmlParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * hover/NAME.xml has a cursor {@code |}; NAME.md is the expected Markdown, preceded by a line
 * "range: TEXT" naming the text the hover covers. An empty NAME.md means no hover. The hover is the
 * editors': documentation of the model or feature, then the rationale of the rules whose findings
 * cover the cursor.
 */
class HoverFixtureTest {
    static Stream<String> fixtures() {
        return Fixtures.names("hover");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void hoverIsTheExpectedMarkdown(String name) {
        Fixtures.Input in = Fixtures.Input.of(Fixtures.read("hover", name + ".xml"));
        XmlDocument doc = XmlParser.parse(in.text());
        Hover h = Assist.hover(Analyzer.analyze(doc, Fixtures.context(name, doc)), in.cursor());
        String actual = h == null ? "" : "range: " + in.text().substring(h.start(), h.end()) + "\n" + h.markdown() + "\n";
        assertEquals(Fixtures.read("hover", name + ".md"), actual, "hover of hover/" + name + ".xml");
    }
}
