package dev.virtcpu.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** libvirt's CPU model map: one {@link ArchMap} per architecture family, and where it came from. */
public final class CpuMap {
    private final String libvirtVersion;
    private final String source;
    private final Map<String, ArchMap> arches;

    public CpuMap(String libvirtVersion, String source, Map<String, ArchMap> arches) {
        this.libvirtVersion = libvirtVersion;
        this.source = source;
        this.arches = new LinkedHashMap<>(arches);
    }

    /** The libvirt release the map comes from, or null when unknown (a directory load). */
    public String libvirtVersion() { return libvirtVersion; }

    /** Human description of where the map was loaded from. */
    public String source() { return source; }

    public Map<String, ArchMap> arches() { return arches; }

    public ArchMap arch(String family) { return arches.get(family); }

    public ArchMap x86() { return arches.get("x86"); }

    /** The map family for a libvirt architecture name (x86_64 → x86), or null. */
    public static String familyOf(String arch) {
        if (arch == null) return null;
        switch (arch) {
            case "i686": case "x86_64": return "x86";
            case "ppc64": case "ppc64le": return "ppc64";
            case "aarch64": case "armv6l": case "armv7l": case "armv7b": return "arm";
            default: return null;
        }
    }
}
