package dev.virtcpu.analysis;

import dev.virtcpu.xml.LineMap;
import dev.virtcpu.xml.XmlDocument;
import dev.virtcpu.xml.XmlParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Rewrites the expected files of the hover and diagnostics fixtures from the current analysis (run by
 * hand with -Dvirtcpu.regen=hover|diagnostics after an intended change; review the diff before
 * committing). Not a test.
 */
public final class FixtureRegen {
    private FixtureRegen() {
    }

    /** Each rule fixture's .expected (its '#' comment lines kept) and .out.xml (when it has one). */
    private static void rules() throws IOException {
        for (RuleFixtures.Case c : RuleFixtures.cases()) {
            DocumentAnalysis a = RuleFixtures.analyze(c);
            Path expected = c.expected();
            StringBuilder sb = new StringBuilder();
            if (Files.exists(expected)) {
                for (String l : Files.readAllLines(expected, StandardCharsets.UTF_8)) if (l.startsWith("#")) sb.append(l).append('\n');
            }
            for (String l : RuleFixtures.describe(c, a)) sb.append(l).append('\n');
            Files.writeString(expected, sb.toString(), StandardCharsets.UTF_8);
            if (Files.exists(c.out())) {
                Fix fix = RuleFixtures.firstFix(c, a);
                if (fix != null) Files.writeString(c.out(), QuickFixFixtureTest.apply(Fixtures.read(c.xml()), fix), StandardCharsets.UTF_8);
            }
        }
    }

    public static void main(String[] args) throws IOException {
        for (String kind : args) {
            if (kind.equals("rules")) {
                rules();
                continue;
            }
            for (String name : Fixtures.names(kind).toList()) {
                String raw = Fixtures.read(kind, name + ".xml");
                String out;
                if (kind.equals("fixes")) {
                    String title = Fixtures.read("fixes", name + ".fix").strip();
                    Fix fix = QuickFixFixtureTest.find(Fixtures.analyze(name, raw).findings(), title);
                    if (fix == null) {
                        System.err.println("no fix " + title + " for " + name);
                        continue;
                    }
                    Files.writeString(Fixtures.dir(kind).resolve(name + ".out.xml"), QuickFixFixtureTest.apply(raw, fix), StandardCharsets.UTF_8);
                } else if (kind.equals("hover")) {
                    Fixtures.Input in = Fixtures.Input.of(raw);
                    XmlDocument doc = XmlParser.parse(in.text());
                    Hover h = Assist.hover(Analyzer.analyze(doc, Fixtures.context(name, doc)), in.cursor());
                    out = h == null ? "" : "range: " + in.text().substring(h.start(), h.end()) + "\n" + h.markdown() + "\n";
                    Files.writeString(Fixtures.dir(kind).resolve(name + ".md"), out, StandardCharsets.UTF_8);
                } else {
                    DocumentAnalysis a = Fixtures.analyze(name, raw);
                    LineMap lines = new LineMap(raw);
                    StringBuilder sb = new StringBuilder();
                    for (Finding f : a.findings()) sb.append(Fixtures.describe(f, lines)).append('\n');
                    Files.writeString(Fixtures.dir(kind).resolve(name + ".expected"), sb.toString(), StandardCharsets.UTF_8);
                }
            }
        }
    }
}
