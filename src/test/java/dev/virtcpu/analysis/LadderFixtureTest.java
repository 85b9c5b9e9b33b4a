package dev.virtcpu.analysis;

import dev.virtcpu.xml.LineMap;
import dev.virtcpu.xml.XmlDocument;
import dev.virtcpu.xml.XmlElement;
import dev.virtcpu.xml.XmlParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * ladder/NAME.xml is a domain checked against the real hosts of ladder/.virtcpu.json (the host set its
 * metadata names). NAME.expected is the whole story: its findings as lint prints them, then every
 * distinct fix offered for them, best first, each followed by the {@code <cpu>} element after applying
 * it (marked "safe" for the one lint --fix applies). Bytes outside {@code <cpu>} never change.
 */
class LadderFixtureTest {
    static Stream<String> fixtures() {
        return Fixtures.names("ladder");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void findingsAndEveryFixAreTheExpectedOnes(String name) {
        String text = Fixtures.read("ladder", name + ".xml");
        assertEquals(Fixtures.read("ladder", name + ".expected"), render(name, text), "ladder/" + name + ".xml");
    }

    static DocumentAnalysis analyze(String name, String text) {
        XmlDocument doc = XmlParser.parse(text);
        Path file = Fixtures.dir("ladder").resolve(name + ".xml");
        return Analyzer.analyze(doc, new Project().resolve(file, doc).context());
    }

    static String render(String name, String text) {
        DocumentAnalysis a = analyze(name, text);
        LineMap lines = new LineMap(text);
        StringBuilder sb = new StringBuilder();
        Map<String, Fix> fixes = new LinkedHashMap<>();
        for (Finding f : a.findings()) {
            sb.append(Fixtures.describe(f, lines)).append('\n');
            for (Fix fix : f.fixes()) fixes.putIfAbsent(fix.title(), fix);
        }
        XmlElement cpu = a.cpus().get(0);
        for (Fix fix : fixes.values()) {
            String out = QuickFixFixtureTest.apply(text, fix);
            assertEquals(text.substring(0, cpu.start()), out.substring(0, cpu.start()), "bytes before <cpu> after " + fix.title());
            String tail = text.substring(cpu.end());
            assertEquals(tail, out.substring(out.length() - tail.length()), "bytes after </cpu> after " + fix.title());
            sb.append("\n=== ").append(fix.title()).append(fix.safe() ? " [lint --fix]" : "").append('\n');
            sb.append(out, cpu.start(), out.length() - tail.length()).append('\n');
        }
        return sb.toString();
    }

    /** Writes NAME.expected from the current analysis (review the diff): -Dtest=LadderFixtureTest#regen is not a test. */
    public static void main(String[] args) throws java.io.IOException {
        for (String name : fixtures().toList()) {
            if (args.length > 0 && !List.of(args).contains(name)) continue;
            String text = Fixtures.read("ladder", name + ".xml");
            java.nio.file.Files.writeString(Fixtures.dir("ladder").resolve(name + ".expected"), render(name, text));
        }
    }
}
