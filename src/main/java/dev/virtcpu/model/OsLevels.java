package dev.virtcpu.model;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The x86-64 level a guest operating system needs, by libosinfo id (the {@code <libosinfo:os
 * id='…'/>} that virt-install and virt-manager write into a domain's metadata). Only operating
 * systems whose vendors document a raised baseline are listed; docs/x86-64-levels.md gives the
 * source of each row.
 */
public final class OsLevels {
    /** One row: the releases a libosinfo id pattern covers and the level they need. */
    public record Requirement(String os, X86Level level, Pattern ids) {
        public boolean covers(String osId) {
            return ids.matcher(osId).matches();
        }
    }

    private static final List<Requirement> TABLE = List.of(
            row("RHEL 9", X86Level.V2, "http://redhat.com/rhel/", "9"),
            row("RHEL 10", X86Level.V3, "http://redhat.com/rhel/", "10"),
            row("CentOS Stream 9", X86Level.V2, "http://centos.org/centos-stream/", "9"),
            row("CentOS Stream 10", X86Level.V3, "http://centos.org/centos-stream/", "10"),
            row("Rocky Linux 9", X86Level.V2, "http://rockylinux.org/rocky/", "9"),
            row("Rocky Linux 10", X86Level.V3, "http://rockylinux.org/rocky/", "10"),
            row("AlmaLinux 9", X86Level.V2, "http://almalinux.org/almalinux/", "9"),
            row("AlmaLinux 10", X86Level.V3, "http://almalinux.org/almalinux/", "10"),
            row("AlmaLinux Kitten 10", X86Level.V3, "http://almalinux.org/almalinux-kitten/", "10"),
            row("Oracle Linux 9", X86Level.V2, "http://oracle.com/ol/", "9"),
            row("Oracle Linux 10", X86Level.V3, "http://oracle.com/ol/", "10"),
            row("SUSE Linux Enterprise 16", X86Level.V2, "http://suse.com/sle/", "16"));

    private OsLevels() {
    }

    /** The table, in the order docs/x86-64-levels.md lists it. */
    public static List<Requirement> table() { return TABLE; }

    /** The requirement for a libosinfo id ({@code http://redhat.com/rhel/9.4}), or null when none is known. */
    public static Requirement forOsId(String osId) {
        if (osId == null) return null;
        for (Requirement r : TABLE) {
            if (r.covers(osId.trim())) return r;
        }
        return null;
    }

    /** An id family: the major release alone, a point release ({@code 9.4}) or {@code 9-unknown}. */
    private static Requirement row(String os, X86Level level, String prefix, String major) {
        return new Requirement(os, level, Pattern.compile(Pattern.quote(prefix + major) + "([.-][A-Za-z0-9.-]*)?"));
    }
}
