package dev.virtcpu.model;

/** A libvirt release number, {@code MAJOR.MINOR.MICRO} ({@code 9.0} means 9.0.0), ordered numerically. */
public record LibvirtVersion(int major, int minor, int micro) implements Comparable<LibvirtVersion> {

    /** Parses {@code 9.0.0} or {@code 9.0}; null when the text is no such version. */
    public static LibvirtVersion parse(String text) {
        if (text == null || !text.matches("[0-9]{1,4}\\.[0-9]{1,4}(\\.[0-9]{1,4})?")) return null;
        String[] p = text.split("\\.");
        return new LibvirtVersion(Integer.parseInt(p[0]), Integer.parseInt(p[1]), p.length > 2 ? Integer.parseInt(p[2]) : 0);
    }

    public boolean isBefore(LibvirtVersion other) { return compareTo(other) < 0; }

    @Override
    public int compareTo(LibvirtVersion o) {
        if (major != o.major) return Integer.compare(major, o.major);
        if (minor != o.minor) return Integer.compare(minor, o.minor);
        return Integer.compare(micro, o.micro);
    }

    @Override
    public String toString() { return major + "." + minor + "." + micro; }
}
