package dev.virtcpu.cpu.cpuid;

import dev.virtcpu.cpu.InputException;

import java.util.regex.Pattern;

/**
 * The raw output of {@code cpuid -1r} (Debian package {@code cpuid}), read as libvirt's
 * {@code tests/cputestdata/cpu-data.py} reads it: one line per leaf and subleaf,
 * {@code 0x00000007 0x00: eax=0x00000000 ebx=0xd39ffffb ecx=0x00000008 edx=0x00000000}, after a
 * {@code CPU:} (or {@code CPU 0:}) header. Output of several CPUs ({@code cpuid -r}) is read up to the
 * second CPU. Anything else, and a dump cut short, is an error.
 */
public final class CpuidText {
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
        String[] lines = lines(text);
        int last = lines.length - 1;
        while (last >= 0 && lines[last].isBlank()) last--;
        int headers = 0;
        for (int i = 0; i <= last; i++) {
            String line = lines[i];
            if (line.isBlank()) continue;
            CpuidLeaf leaf = new LineReader(line).leaf();
            if (leaf != null) {
                b.add(leaf);
            } else if (HEADER.matcher(line).matches()) {
                if (++headers > 1) break;
            } else {
                throw new InputException(badLine(name, i, line, i == last));
            }
        }
        CpuData data = b.build();
        checkComplete(data, name);
        return data;
    }

    /** The lines of the text, whatever its line breaks (LF, CRLF or CR). */
    private static String[] lines(String text) {
        java.util.List<String> out = new java.util.ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                out.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                start = i + 1;
            }
        }
        out.add(text.substring(start));
        return out.toArray(String[]::new);
    }

    /**
     * One line of leaf output, {@code 0xLEAF 0xSUB: eax=0x… ebx=0x… ecx=0x… edx=0x…} (lower-case hex of
     * 1 to 8 digits, blanks between), read without regular expressions: a dump has hundreds of them.
     */
    private static final class LineReader {
        private final String line;
        private int at;

        LineReader(String line) {
            this.line = line;
        }

        CpuidLeaf leaf() {
            blanks();
            long eaxIn = hex();
            if (eaxIn < 0 || blanks() == 0) return null;
            long ecxIn = hex();
            if (ecxIn < 0 || !literal(":")) return null;
            long[] regs = new long[4];
            String[] names = {"eax=", "ebx=", "ecx=", "edx="};
            for (int r = 0; r < 4; r++) {
                if ((r > 0 && blanks() == 0) || (r == 0 && blanks() < 0) || !literal(names[r])) return null;
                regs[r] = hex();
                if (regs[r] < 0) return null;
            }
            blanks();
            if (at != line.length()) return null;
            return new CpuidLeaf((int) eaxIn, (int) ecxIn, (int) regs[0], (int) regs[1], (int) regs[2], (int) regs[3]);
        }

        private int blanks() {
            int from = at;
            while (at < line.length() && Character.isWhitespace(line.charAt(at))) at++;
            return at - from;
        }

        private boolean literal(String s) {
            if (!line.startsWith(s, at)) return false;
            at += s.length();
            return true;
        }

        /** {@code 0x} and 1 to 8 lower-case hex digits, or -1. */
        private long hex() {
            if (!literal("0x")) return -1;
            long v = 0;
            int digits = 0;
            while (at < line.length()) {
                char c = line.charAt(at);
                int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
                if (d < 0) break;
                v = v << 4 | d;
                digits++;
                at++;
            }
            return digits >= 1 && digits <= 8 ? v : -1;
        }
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

}
