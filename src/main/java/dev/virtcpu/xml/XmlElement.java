package dev.virtcpu.xml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/** An element. Half-typed input yields elements whose start tag or end tag is missing. */
public final class XmlElement extends XmlNode {
    private final String name;
    private final int nameStart;
    final List<XmlAttribute> attributes = new ArrayList<>(4);
    final List<XmlNode> children = new ArrayList<>(4);
    int startTagEnd = -1;
    int endTagStart = -1;
    boolean selfClosing;

    XmlElement(String name, int start, int nameStart) {
        this.name = name;
        this.start = start;
        this.nameStart = nameStart;
    }

    public String name() { return name; }

    public int nameStart() { return nameStart; }

    public int nameEnd() { return nameStart + name.length(); }

    /** Offset just past the start tag's {@code >}, or -1 if the start tag is not closed. */
    public int startTagEnd() { return startTagEnd; }

    /** Offset of the {@code </} of the end tag, or -1 if there is none. */
    public int endTagStart() { return endTagStart; }

    public boolean isSelfClosing() { return selfClosing; }

    /** True when the element was properly ended by {@code />} or a matching end tag. */
    public boolean isClosed() { return selfClosing || endTagStart >= 0; }

    public List<XmlAttribute> attributes() { return Collections.unmodifiableList(attributes); }

    public List<XmlNode> children() { return Collections.unmodifiableList(children); }

    public XmlAttribute attribute(String attributeName) {
        for (XmlAttribute a : attributes) {
            if (a.name().equals(attributeName)) return a;
        }
        return null;
    }

    /** The attribute's value, or null when absent or valueless. */
    public String attr(String attributeName) {
        XmlAttribute a = attribute(attributeName);
        return a == null ? null : a.value();
    }

    public List<XmlElement> elements() {
        List<XmlElement> out = new ArrayList<>(children.size());
        for (XmlNode n : children) {
            if (n instanceof XmlElement e) out.add(e);
        }
        return out;
    }

    public List<XmlElement> elements(String elementName) {
        List<XmlElement> out = new ArrayList<>(2);
        for (XmlNode n : children) {
            if (n instanceof XmlElement e && e.name.equals(elementName)) out.add(e);
        }
        return out;
    }

    public XmlElement element(String elementName) {
        for (XmlNode n : children) {
            if (n instanceof XmlElement e && e.name.equals(elementName)) return e;
        }
        return null;
    }

    /** Concatenated character data of the whole subtree, like XPath string(). */
    public String text() {
        if (children.isEmpty()) return "";
        if (children.size() == 1 && children.get(0) instanceof XmlText t) return t.value();
        StringBuilder sb = new StringBuilder();
        // An explicit stack: a deep subtree must not exhaust the thread's stack.
        Deque<Iterator<XmlNode>> stack = new ArrayDeque<>();
        stack.push(children.iterator());
        while (!stack.isEmpty()) {
            Iterator<XmlNode> it = stack.peek();
            if (!it.hasNext()) {
                stack.pop();
                continue;
            }
            XmlNode n = it.next();
            if (n instanceof XmlText t) sb.append(t.value());
            else if (n instanceof XmlElement c && !c.children.isEmpty()) stack.push(c.children.iterator());
        }
        return sb.toString();
    }

    /** Offset where content starts (after the start tag), or the element end if unclosed. */
    public int contentStart() { return startTagEnd >= 0 ? startTagEnd : end; }

    /** Offset where content ends (the end tag's {@code </}), or the element end if unclosed. */
    public int contentEnd() { return endTagStart >= 0 ? endTagStart : end; }

    @Override
    public String toString() { return "<" + name + ">@" + start; }
}
