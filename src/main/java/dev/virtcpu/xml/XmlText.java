package dev.virtcpu.xml;

/** Character data (text or CDATA), with entities already resolved in {@link #value()}. */
public final class XmlText extends XmlNode {
    private final String source;
    private String value;
    private final boolean cdata;

    XmlText(String source, int start, int end, String value, boolean cdata) {
        this.source = source;
        this.start = start;
        this.end = end;
        this.value = value;
        this.cdata = cdata;
    }

    public String value() {
        if (value == null) value = source.substring(start, end);
        return value;
    }

    public boolean isCdata() { return cdata; }

    public boolean isWhitespace() { return value().isBlank(); }
}
