package dev.virtcpu.fuzz;

import dev.virtcpu.xml.XmlDocument;
import dev.virtcpu.xml.XmlElement;
import dev.virtcpu.xml.XmlNode;
import dev.virtcpu.xml.XmlProblem;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/** What every fuzz target checks about a parsed document: offsets inside the text, in order. */
final class FuzzChecks {
    private FuzzChecks() {
    }

    /** Fuzzer bytes as text the way the tools read files (UTF-8, malformed bytes replaced). */
    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static void offsetsInRange(XmlDocument doc) {
        int n = doc.text().length();
        for (XmlProblem p : doc.problems()) {
            check(0 <= p.start() && p.start() <= p.end() && p.end() <= n, "problem " + p + " outside 0.." + n);
            check(p.message() != null && !p.message().isEmpty(), "problem without message at " + p.start());
        }
        Deque<XmlNode> todo = new ArrayDeque<>(doc.children());
        while (!todo.isEmpty()) {
            XmlNode node = todo.pop();
            check(0 <= node.start() && node.start() <= node.end() && node.end() <= n, node + " spans " + node.start() + ".." + node.end());
            if (node instanceof XmlElement e) {
                check(e.start() <= e.nameStart() && e.nameEnd() <= n, e + " name outside");
                todo.addAll(e.children());
            }
        }
    }

    static void check(boolean ok, String what) {
        if (!ok) throw new AssertionError(what);
    }
}
