package dev.virtcpu.model;

/**
 * How a libvirt release reads its own {@code cpu_map} (spec §1.1–§1.4; the 7.0.0 rules from
 * libvirt 7.0.0's {@code cpu_map.c} and {@code cpu_x86.c}). Releases before 9.0.0 are read with
 * 7.0.0's rules, 9.x with 9.0.0's, anything newer (and a directory of unknown release) with the
 * newest: they read every older shipped map the same way, while old rules misread new maps (9.0.0
 * skips {@code <group>}ed includes).
 *
 * @param groupIncludes  {@code <group name=…><include/></group>} in index.xml is followed (11.x);
 *                       older releases see only bare {@code <include>}s
 * @param anyChildIsMsr  a feature child that is neither {@code alias} nor {@code cpuid} is parsed as
 *                       an MSR (9.0+); 7.0 reads only {@code cpuid} and {@code msr} children
 * @param xpathStrings   7.0's attribute reading through XPath strings: CPUID/MSR numbers are always
 *                       hexadecimal (virXPathULongHex) and a bad decode element is "invalid or
 *                       missing decode/host attribute"; later releases parse numbers like strtoul
 *                       with base 0 and report missing or invalid attributes one by one
 * @param modelVersions  {@code <check partial=…/>}, {@code added='yes'}, canonical {@code -vN}
 *                       aliases and subtracting an ancestor's removed features (11.x); older
 *                       releases ignore {@code <check>} and treat {@code added='yes'} features as
 *                       plain features
 */
public record LoaderRules(String release, boolean groupIncludes, boolean anyChildIsMsr, boolean xpathStrings,
                          boolean modelVersions) {
    public static final LoaderRules LIBVIRT_7_0 = new LoaderRules("7.0.0", false, false, true, false);
    public static final LoaderRules LIBVIRT_9_0 = new LoaderRules("9.0.0", false, true, false, false);
    public static final LoaderRules LIBVIRT_11_3 = new LoaderRules("11.3.0", true, true, false, true);
    public static final LoaderRules NEWEST = LIBVIRT_11_3;

    /** The rules libvirt {@code version} reads its map with; the newest for null or unparsable text. */
    public static LoaderRules forVersion(String version) {
        LibvirtVersion v = LibvirtVersion.parse(version);
        if (v == null) return NEWEST;
        if (v.isBefore(LibvirtVersion.parse(LIBVIRT_9_0.release()))) return LIBVIRT_7_0;
        if (v.major() < 10) return LIBVIRT_9_0;
        return LIBVIRT_11_3;
    }
}
