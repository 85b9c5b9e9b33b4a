package dev.virtcpu.xml;

/** A node of a parsed document; offsets are char indexes into the document text. */
public abstract class XmlNode {
    int start;
    int end;
    XmlElement parent;

    public int start() { return start; }

    /** Offset just past the node (for an unclosed element: where parsing stopped). */
    public int end() { return end; }

    public XmlElement parent() { return parent; }
}
