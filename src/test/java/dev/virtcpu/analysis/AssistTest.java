package dev.virtcpu.analysis;

import dev.virtcpu.xml.XmlDocument;
import dev.virtcpu.xml.XmlParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Completion details that the label lists of the fixtures do not show: ranges, inserted text, documentation. */
class AssistTest {
    private static List<Completion> complete(String withCursor) {
        Fixtures.Input in = Fixtures.Input.of(withCursor);
        XmlDocument doc = XmlParser.parse(in.text());
        return Assist.complete(doc, in.cursor(), Fixtures.context("assist", doc));
    }

    private static Completion find(List<Completion> items, String label) {
        return items.stream().filter(c -> c.label().equals(label)).findFirst().orElseThrow(() -> new AssertionError("no " + label));
    }

    @Test
    void modelProposalReplacesTheWholeTypedName() {
        String text = "<domain><cpu mode='custom'><model>Sky|lake</model></cpu></domain>";
        Completion c = find(complete(text), "Haswell-noTSX-IBRS");
        String clean = text.replace("|", "");
        assertEquals("Skylake", clean.substring(c.replaceStart(), c.replaceEnd()));
    }

    @Test
    void modelProposalDocumentsWhichHostsLackIt() {
        Completion c = find(complete("<domain><cpu mode='custom'><model>|</model></cpu></domain>"), "Cascadelake-Server");
        assertNotNull(c.documentation());
        assertTrue(c.documentation().contains("runs on 2 of 4 hosts"), c.documentation());
        assertTrue(c.documentation().contains("kvm-prod-04: lacks hle"), c.documentation());
        assertEquals("Intel · runs on 2/4 hosts", c.detail());
    }

    @Test
    void featureProposalReplacesTheAttributeValueOnly() {
        String text = "<domain><cpu mode='custom'><model>Haswell</model><feature policy='require' name='avx|5'/></cpu></domain>";
        Completion c = find(complete(text), "avx512f");
        assertEquals("avx5", text.replace("|", "").substring(c.replaceStart(), c.replaceEnd()));
        assertEquals("avx512f", c.insertText());
    }

    @Test
    void cpuSnippetReplacesThePartialStartTagWithTheIndentedBaseline() {
        String text = "<domain type='kvm'>\n  <name>n</name>\n  <cp|\n</domain>\n";
        Completion c = find(complete(text), "cpu");
        String clean = text.replace("|", "");
        assertEquals("<cp", clean.substring(c.replaceStart(), c.replaceEnd()));
        assertTrue(c.snippet());
        assertTrue(c.insertText().startsWith("<cpu mode='custom' match='exact'>\n    <model fallback='forbid'>Haswell-noTSX-IBRS</model>\n"),
                c.insertText());
        assertTrue(c.insertText().endsWith("\n  </cpu>"), c.insertText());
    }
}
