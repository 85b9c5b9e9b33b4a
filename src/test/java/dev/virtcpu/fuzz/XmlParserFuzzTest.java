package dev.virtcpu.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.virtcpu.xml.XmlDocument;
import dev.virtcpu.xml.XmlParser;

/**
 * The parser every input goes through: any bytes give a document or problems, never an exception;
 * {@link XmlParser#rootElementName} names the same root element as the parse.
 */
class XmlParserFuzzTest {
    @FuzzTest(maxDuration = "10s")
    void parse(byte[] input) {
        String text = FuzzChecks.text(input);
        XmlDocument doc = XmlParser.parse(text);
        FuzzChecks.offsetsInRange(doc);
        String root = doc.rootElement() == null ? null : doc.rootElement().name();
        if (!java.util.Objects.equals(root, XmlParser.rootElementName(text))) {
            throw new AssertionError("rootElementName says " + XmlParser.rootElementName(text) + ", the parser " + root);
        }
        doc.lines().line(doc.text().length());
    }
}
