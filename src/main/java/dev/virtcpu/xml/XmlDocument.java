package dev.virtcpu.xml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The result of parsing: a tree (always), plus every well-formedness problem found. */
public final class XmlDocument {
    private final String text;
    final List<XmlNode> children = new ArrayList<>();
    final List<XmlProblem> problems = new ArrayList<>();
    private LineMap lineMap;

    XmlDocument(String text) {
        this.text = text;
    }

    public String text() { return text; }

    public List<XmlNode> children() { return Collections.unmodifiableList(children); }

    public List<XmlProblem> problems() { return Collections.unmodifiableList(problems); }

    public boolean isWellFormed() { return problems.isEmpty(); }

    /** Top-level elements, in document order (concatenated documents give several). */
    public List<XmlElement> rootElements() {
        List<XmlElement> out = new ArrayList<>(1);
        for (XmlNode n : children) {
            if (n instanceof XmlElement e) out.add(e);
        }
        return out;
    }

    public XmlElement rootElement() {
        for (XmlNode n : children) {
            if (n instanceof XmlElement e) return e;
        }
        return null;
    }

    public LineMap lines() {
        if (lineMap == null) lineMap = new LineMap(text);
        return lineMap;
    }

    /** The innermost element whose extent contains the offset, or null. */
    public XmlElement elementAt(int offset) {
        XmlElement found = null;
        List<XmlNode> level = children;
        boolean descended = true;
        while (descended) {
            descended = false;
            for (XmlNode n : level) {
                if (n instanceof XmlElement e && e.start() <= offset && offset <= e.end()
                        && (offset < e.end() || !e.isClosed())) {
                    found = e;
                    level = e.children;
                    descended = true;
                    break;
                }
            }
        }
        return found;
    }
}
