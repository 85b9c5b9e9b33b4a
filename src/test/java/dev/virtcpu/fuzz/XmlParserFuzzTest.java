package dev.virtcpu.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.virtcpu.xml.XmlDocument;
import dev.virtcpu.xml.XmlParser;

/** The parser every input goes through: any bytes give a document or problems, never an exception. */
class XmlParserFuzzTest {
    @FuzzTest(maxDuration = "10s")
    void parse(byte[] input) {
        XmlDocument doc = XmlParser.parse(FuzzChecks.text(input));
        FuzzChecks.offsetsInRange(doc);
        doc.lines().line(doc.text().length());
    }
}
