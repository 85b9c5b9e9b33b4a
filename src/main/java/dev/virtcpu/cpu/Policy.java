package dev.virtcpu.cpu;

/** A guest {@code <feature policy=…>}. Host features have no policy (libvirt's -1). */
public enum Policy {
    FORCE, REQUIRE, OPTIONAL, DISABLE, FORBID;

    public String xml() { return name().toLowerCase(); }

    public static Policy parse(String s) {
        if (s == null) return null;
        for (Policy p : values()) {
            if (p.xml().equals(s)) return p;
        }
        return null;
    }
}
