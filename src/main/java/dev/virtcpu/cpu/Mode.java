package dev.virtcpu.cpu;

/** {@code <cpu mode=…>}. */
public enum Mode {
    CUSTOM("custom"), HOST_MODEL("host-model"), HOST_PASSTHROUGH("host-passthrough"), MAXIMUM("maximum");

    private final String xml;

    Mode(String xml) {
        this.xml = xml;
    }

    public String xml() { return xml; }

    public static Mode parse(String s) {
        for (Mode m : values()) {
            if (m.xml.equals(s)) return m;
        }
        return null;
    }
}
