package dev.virtcpu.analysis;

import dev.virtcpu.xml.LineMap;
import dev.virtcpu.xml.XmlDocument;
import dev.virtcpu.xml.XmlParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * Rewrites the expected files of the hover and diagnostics fixtures from the current analysis (run by
 * hand with -Dvirtcpu.regen=hover|diagnostics after an intended change; review the diff before
 * committing). Not a test.
 */
public final class FixtureRegen {
    private FixtureRegen() {
    }

    public static void main(String[] args) throws IOException {
        for (String kind : args) {
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
