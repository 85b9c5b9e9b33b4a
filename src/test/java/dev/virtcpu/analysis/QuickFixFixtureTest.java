package dev.virtcpu.analysis;

import dev.virtcpu.xml.XmlElement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * fixes/NAME.xml is analysed; NAME.fix names the quick fix (its title, or the start of it) and
 * NAME.out.xml is the exact text after applying that fix, byte for byte (line endings, tabs,
 * comments and everything outside the edited element included).
 */
public class QuickFixFixtureTest {
    static Stream<String> fixtures() {
        return Fixtures.names("fixes");
    }

    static Fix find(List<Finding> findings, String title) {
        for (Finding f : findings) {
            for (Fix fix : f.fixes()) {
                if (fix.title().startsWith(title)) return fix;
            }
        }
        return null;
    }

    /** The text after the fix's edits (applied from the end, so earlier offsets stay valid). */
    public static String apply(String text, Fix fix) {
        List<TextEdit> edits = new ArrayList<>(fix.edits());
        edits.sort(Comparator.comparingInt(TextEdit::start).reversed());
        StringBuilder sb = new StringBuilder(text);
        for (TextEdit e : edits) sb.replace(e.start(), e.end(), e.text());
        return sb.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void applyingTheFixGivesTheExpectedText(String name) {
        String text = Fixtures.read("fixes", name + ".xml");
        String title = Fixtures.read("fixes", name + ".fix").strip();
        DocumentAnalysis a = Fixtures.analyze(name, text);
        Fix fix = find(a.findings(), title);
        assertNotNull(fix, "no fix titled '" + title + "…' for fixes/" + name + ".xml");
        assertEquals(Fixtures.read("fixes", name + ".out.xml"), apply(text, fix), "fixes/" + name + ".xml after '" + fix.title() + "'");
    }

    static Stream<String> baselineFixtures() {
        return fixtures().filter(n -> n.startsWith("baseline-"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("baselineFixtures")
    void baselineReplacementLeavesEveryByteOutsideTheCpuElement(String name) {
        String text = Fixtures.read("fixes", name + ".xml");
        DocumentAnalysis a = Fixtures.analyze(name, text);
        XmlElement cpu = a.cpus().get(0);
        String out = apply(text, find(a.findings(), "Replace CPU with the guest-facing baseline"));
        String before = text.substring(0, cpu.start());
        String after = text.substring(cpu.end());
        assertEquals(before, out.substring(0, before.length()), "bytes before <cpu>");
        assertEquals(after, out.substring(out.length() - after.length()), "bytes after </cpu>");
    }
}
