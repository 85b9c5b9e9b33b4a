package dev.virtcpu.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.virtcpu.analysis.Analyzer;
import dev.virtcpu.analysis.DocumentAnalysis;
import dev.virtcpu.analysis.FixApplier;
import dev.virtcpu.xml.XmlDocument;
import dev.virtcpu.xml.XmlElement;
import dev.virtcpu.xml.XmlParser;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code lint --fix} writes: the safe fixes of any domain applied to its text change no byte
 * outside its {@code <cpu>} elements, and a well-formed domain stays well-formed (lint only writes a
 * result that parses).
 */
class FixRewriteFuzzTest {
    @FuzzTest(maxDuration = "10s")
    void fix(byte[] input) {
        String text = FuzzChecks.text(input);
        XmlDocument doc = XmlParser.parse(text);
        if (!doc.problems().isEmpty()) return; // lint --fix leaves files with syntax errors alone
        DocumentAnalysis a = Analyzer.analyze(doc, FuzzProject.CONTEXT);
        String fixed = FixApplier.applySafe(text, a.findings()).text();
        if (fixed.equals(text)) return;
        FuzzChecks.check(XmlParser.parse(fixed).problems().isEmpty(), "the fixed domain is not well-formed");
        outsideCpuUnchanged(text, a.cpus(), fixed);
    }

    /** The text between and around the {@code <cpu>} elements appears in the result, in order, where it was. */
    static void outsideCpuUnchanged(String text, List<XmlElement> cpus, String fixed) {
        List<String> gaps = new ArrayList<>();
        int pos = 0;
        for (XmlElement cpu : cpus) {
            gaps.add(text.substring(pos, cpu.start()));
            pos = cpu.end();
        }
        gaps.add(text.substring(pos));
        FuzzChecks.check(!cpus.isEmpty(), "a fix in a domain without <cpu>");
        FuzzChecks.check(fixed.startsWith(gaps.get(0)), "bytes before <cpu> changed");
        FuzzChecks.check(fixed.endsWith(gaps.get(gaps.size() - 1)), "bytes after </cpu> changed");
        int at = gaps.get(0).length();
        int limit = fixed.length() - gaps.get(gaps.size() - 1).length();
        for (String gap : gaps.subList(1, gaps.size() - 1)) {
            int found = fixed.indexOf(gap, at);
            FuzzChecks.check(found >= 0 && found + gap.length() <= limit, "bytes between <cpu> elements changed");
            at = found + gap.length();
        }
    }
}
