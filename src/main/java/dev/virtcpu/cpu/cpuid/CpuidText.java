package dev.virtcpu.cpu.cpuid;

import dev.virtcpu.cpu.InputException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw output of {@code cpuid -1r} (Debian package {@code cpuid}), read as libvirt's
 * {@code tests/cputestdata/cpu-data.py} reads it: one line per leaf and subleaf,
 * {@code 0x00000007 0x00: eax=0x00000000 ebx=0xd39ffffb ecx=0x00000008 edx=0x00000000}, after a
 * {@code CPU:} (or {@code CPU 0:}) header. Output of several CPUs ({@code cpuid -r}) is read up to the
 * second CPU. Anything else, and a dump cut short, is an error.
 */
public final class CpuidText {
    private static final Pattern LEAF = Pattern.compile(
            "\\s*(0x[0-9a-f]{1,8})\\s+(0x[0-9a-f]{1,8}):\\s*eax=(0x[0-9a-f]{1,8})\\s+ebx=(0x[0-9a-f]{1,8})"
                    + "\\s+ecx=(0x[0-9a-f]{1,8})\\s+edx=(0x[0-9a-f]{1,8})\\s*");
    private static final Pattern HEADER = Pattern.compile("\\s*CPU( \\d+)?:\\s*");
    private static final Pattern STARTED_LEAF = Pattern.compile("\\s*0x[0-9a-f]*( .*)?");
    static final int EXTENDED = 0x80000000;

    private CpuidText() {
    }

    /** True when the text looks like cpuid output rather than XML (its first non-blank character is not '<'). */
    public static boolean looksLikeCpuid(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFEFF' || Character.isWhitespace(c)) continue;
            return c != '<';
        }
        return true;
    }

    /** @param name the input's name as the user gave it (used in messages) */
    public static CpuData parse(String text, String name) throws InputException {
        CpuData.Builder b = new CpuData.Builder();
        String[] lines = text.split("\r?\n|\r", -1);
        int last = lines.length - 1;
        while (last >= 0 && lines[last].isBlank()) last--;
        int headers = 0;
        for (int i = 0; i <= last; i++) {
            String line = lines[i];
            if (line.isBlank()) continue;
            if (HEADER.matcher(line).matches()) {
                if (++headers > 1) break;
                continue;
            }
            Matcher m = LEAF.matcher(line);
            if (!m.matches()) throw new InputException(badLine(name, i, line, i == last));
            b.add(new CpuidLeaf(hex(m.group(1)), hex(m.group(2)), hex(m.group(3)), hex(m.group(4)), hex(m.group(5)),
                    hex(m.group(6))));
        }
        CpuData data = b.build();
        checkComplete(data, name);
        return data;
    }

    private static String badLine(String name, int index, String line, boolean last) {
        String shown = line.strip();
        if (shown.length() > 60) shown = shown.substring(0, 60) + "…";
        shown = shown.replace('\t', ' ').replaceAll("\\p{Cntrl}", "?");
        if (last && STARTED_LEAF.matcher(line).matches()) {
            return name + ":" + (index + 1) + ": truncated 'cpuid -1r' dump: the last line is incomplete: " + shown;
        }
        return name + ":" + (index + 1) + ": not a line of 'cpuid -1r' output (0xLEAF 0xSUB: eax=… ebx=… ecx=… edx=…): " + shown;
    }

    /** A dump cut short lacks leaf 0x0, 0x1, the extended leaf 0x80000000, or the highest leaves they announce. */
    private static void checkComplete(CpuData data, String name) throws InputException {
        CpuidLeaf leaf0 = data.cpuid(0, 0);
        if (leaf0 == null) throw new InputException(name + ": no CPUID leaf 0x00000000: not 'cpuid -1r' output, or cut short");
        requireLeaf(data, name, 0x1, leaf0.eax() >= 1);
        if (Integer.compareUnsigned(leaf0.eax(), 0xff) <= 0) requireLeaf(data, name, leaf0.eax(), true);
        CpuidLeaf ext = data.cpuid(EXTENDED, 0);
        if (ext == null) throw new InputException(name + ": truncated 'cpuid -1r' dump: no extended leaf 0x80000000");
        int maxExt = ext.eax();
        if (Integer.compareUnsigned(maxExt, EXTENDED) > 0 && Integer.compareUnsigned(maxExt, EXTENDED + 0xff) <= 0) {
            requireLeaf(data, name, maxExt, true);
        }
    }

    private static void requireLeaf(CpuData data, String name, int leaf, boolean required) throws InputException {
        if (required && data.cpuid(leaf, 0) == null) {
            throw new InputException(String.format("%s: truncated 'cpuid -1r' dump: leaf 0x%08x is missing", name, leaf));
        }
    }

    private static int hex(String s) {
        return (int) Long.parseLong(s.substring(2), 16);
    }
}
