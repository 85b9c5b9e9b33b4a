package dev.virtcpu.analysis;

import dev.virtcpu.xml.LineMap;
import dev.virtcpu.xml.XmlDocument;
import dev.virtcpu.xml.XmlParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The fixtures of one rule each: {@code src/test/resources/analysis/rules/CODE/} holds a
 * {@code .virtcpu.json} and host files as the rule needs them (a subdirectory may hold its own), and
 * cases {@code NAME.xml} with {@code NAME.expected}: the findings of rule CODE, one per line as
 * {@code line:col severity code: message} (one-based, as {@code virtcpu lint} prints them), each
 * followed by its fixes as indented {@code fix: TITLE} lines. {@code NAME.out.xml}, when present, is
 * the text after the first fix of the first finding. The cases are analysed where they are, with the
 * configuration that governs them there.
 */
public final class RuleFixtures {
    private RuleFixtures() {
    }

    /** One case: the rule code (its directory's name) and the domain file. */
    public record Case(String code, Path xml) {
        public String name() {
            String f = xml.getFileName().toString();
            return f.substring(0, f.length() - 4);
        }

        public Path expected() {
            return xml.resolveSibling(name() + ".expected");
        }

        public Path out() {
            return xml.resolveSibling(name() + ".out.xml");
        }

        @Override
        public String toString() {
            return code + "/" + root().resolve(code).relativize(xml);
        }
    }

    public static Path root() {
        return Fixtures.projectDir().resolve("src/test/resources/analysis/rules");
    }

    /** Every case of every rule, sorted. */
    public static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        try (Stream<Path> rules = Files.list(root())) {
            for (Path dir : rules.filter(Files::isDirectory).sorted().toList()) {
                String code = dir.getFileName().toString();
                try (Stream<Path> files = Files.walk(dir)) {
                    files.filter(p -> p.toString().endsWith(".xml") && !p.toString().endsWith(".out.xml")
                                    && !p.toString().contains("/hosts/") && Files.exists(p.resolveSibling(stem(p) + ".expected")))
                            .sorted().forEach(p -> out.add(new Case(code, p)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String stem(Path p) {
        String f = p.getFileName().toString();
        return f.substring(0, f.length() - 4);
    }

    /** The case analysed with the configuration that governs its file. */
    public static DocumentAnalysis analyze(Case c) {
        String text = Fixtures.read(c.xml());
        XmlDocument doc = XmlParser.parse(text);
        return Analyzer.analyze(doc, new Project().resolve(c.xml(), doc).context());
    }

    /** The expected lines: findings and their fix lines, without comments and blank lines. */
    public static List<String> expected(Case c) {
        return Fixtures.read(c.expected()).lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
    }

    /** Only the finding lines of {@link #expected}. */
    public static List<String> expectedFindings(Case c) {
        return expected(c).stream().filter(l -> !l.startsWith(" ")).toList();
    }

    /** The findings of the case's rule, described as in the expected file. */
    public static List<String> describe(Case c, DocumentAnalysis a) {
        LineMap lines = new LineMap(a.document().text());
        List<String> out = new ArrayList<>();
        for (Finding f : a.findings()) {
            if (!f.code().equals(c.code())) continue;
            out.add(Fixtures.describe(f, lines));
            for (Fix fix : f.fixes()) out.add("  fix: " + fix.title());
        }
        return out;
    }

    /** The first fix of the first finding of the case's rule, or null. */
    public static Fix firstFix(Case c, DocumentAnalysis a) {
        for (Finding f : a.findings()) {
            if (f.code().equals(c.code()) && !f.fixes().isEmpty()) return f.fixes().get(0);
        }
        return null;
    }
}
