package dev.virtcpu.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.virtcpu.analysis.Analyzer;
import dev.virtcpu.analysis.Assist;
import dev.virtcpu.analysis.Completion;
import dev.virtcpu.analysis.DocumentAnalysis;
import dev.virtcpu.analysis.Finding;
import dev.virtcpu.analysis.Fix;
import dev.virtcpu.analysis.TextEdit;
import dev.virtcpu.xml.XmlParser;

/**
 * The analysis of any text against the examples' host set: findings and their fixes point inside
 * the text, and completion and hover at any offset answer without an exception.
 */
class AnalysisFuzzTest {
    @FuzzTest(maxDuration = "10s")
    void analyze(byte[] input) {
        String text = FuzzChecks.text(input);
        DocumentAnalysis a = Analyzer.analyze(XmlParser.parse(text), FuzzProject.CONTEXT);
        int n = text.length();
        for (Finding f : a.findings()) {
            FuzzChecks.check(0 <= f.start() && f.start() <= f.end() && f.end() <= n, f.code() + " at " + f.start() + ".." + f.end());
            FuzzChecks.check(f.message() != null && !f.message().isEmpty(), f.code() + " without message");
            for (Fix fix : f.fixes()) {
                for (TextEdit e : fix.edits()) {
                    FuzzChecks.check(0 <= e.start() && e.start() <= e.end() && e.end() <= n && e.text() != null,
                            "fix '" + fix.title() + "' edits " + e.start() + ".." + e.end() + " of " + n);
                }
            }
        }
        for (int at : offsets(text)) {
            for (Completion c : Assist.complete(a.document(), at, FuzzProject.CONTEXT, true)) {
                FuzzChecks.check(0 <= c.replaceStart() && c.replaceStart() <= c.replaceEnd() && c.replaceEnd() <= n,
                        "completion " + c.label() + " replaces " + c.replaceStart() + ".." + c.replaceEnd());
            }
            Assist.hover(a.document(), at, FuzzProject.CONTEXT);
        }
    }

    /** Where an editor asks: after quotes and '>' (where completion triggers), the start and the end; at most 16. */
    private static int[] offsets(String text) {
        int[] out = new int[16];
        int k = 0;
        out[k++] = 0;
        out[k++] = text.length();
        for (int i = 0; i < text.length() && k < out.length; i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"' || c == '>' || c == '<') out[k++] = i + 1;
        }
        return java.util.Arrays.copyOf(out, k);
    }
}
