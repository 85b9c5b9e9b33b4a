package dev.virtcpu.analysis;

import dev.virtcpu.xml.LineMap;
import dev.virtcpu.xml.XmlDocument;
import dev.virtcpu.xml.XmlParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Fixture files of the analysis tests (src/test/resources/analysis/KIND/NAME.xml plus an expected
 * file next to it). Each fixture domain is analysed as if it were a file of examples/domains/, so it
 * is checked against the examples' host set 'prod' (or the set its {@code <virtcpu:hostset>} names).
 * A {@code |} in a fixture marks the cursor and is removed before analysis.
 */
final class Fixtures {
    static final String CURSOR = "|";

    private Fixtures() {
    }

    static Path projectDir() {
        String p = System.getProperty("virtcpu.projectDir");
        return (p == null ? Path.of("") : Path.of(p)).toAbsolutePath().normalize();
    }

    static Path dir(String kind) {
        return projectDir().resolve("src/test/resources/analysis").resolve(kind);
    }

    /** Names (without .xml) of the fixtures of one kind, sorted. */
    static Stream<String> names(String kind) {
        try (Stream<Path> s = Files.list(dir(kind))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".xml") && !n.endsWith(".out.xml"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().collect(Collectors.toList()).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(String kind, String file) {
        return read(dir(kind).resolve(file));
    }

    /** The lines of an expected-output file, without trailing empty lines and '#' comments. */
    static List<String> expectedLines(String kind, String file) {
        return read(kind, file).lines().filter(l -> !l.startsWith("#")).filter(l -> !l.isBlank()).collect(Collectors.toList());
    }

    /** A fixture's text and cursor offset (-1 without a cursor). */
    record Input(String text, int cursor) {
        static Input of(String raw) {
            int at = raw.indexOf(CURSOR);
            return at < 0 ? new Input(raw, -1) : new Input(raw.substring(0, at) + raw.substring(at + 1), at);
        }
    }

    static AnalysisContext context(String name, XmlDocument doc) {
        return new Project().resolve(projectDir().resolve("examples/domains").resolve(name + ".xml"), doc).context();
    }

    static DocumentAnalysis analyze(String name, String text) {
        XmlDocument doc = XmlParser.parse(text);
        return Analyzer.analyze(doc, context(name, doc));
    }

    /** "line:col severity code: message" with one-based line and column, as {@code virtcpu lint} prints. */
    static String describe(Finding f, LineMap lines) {
        return (lines.line(f.start()) + 1) + ":" + (lines.column(f.start()) + 1) + " " + f.severity().name().toLowerCase()
                + " " + f.code() + ": " + f.message();
    }
}
