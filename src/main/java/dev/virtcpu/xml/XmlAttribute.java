package dev.virtcpu.xml;

/** An attribute; {@link #value()} is null when the attribute has no value yet (half-typed). */
public final class XmlAttribute {
    private final String name;
    private final String value;
    private final int nameStart;
    private final int valueStart;
    private final int valueEnd;

    XmlAttribute(String name, int nameStart, String value, int valueStart, int valueEnd) {
        this.name = name;
        this.nameStart = nameStart;
        this.value = value;
        this.valueStart = valueStart;
        this.valueEnd = valueEnd;
    }

    public String name() { return name; }

    public String value() { return value; }

    public int nameStart() { return nameStart; }

    public int nameEnd() { return nameStart + name.length(); }

    /** Offset of the first character inside the quotes (or where a value would start). */
    public int valueStart() { return valueStart; }

    /** Offset of the closing quote (exclusive end of the value). */
    public int valueEnd() { return valueEnd; }
}
