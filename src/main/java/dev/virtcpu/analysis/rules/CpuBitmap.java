package dev.virtcpu.analysis.rules;

import java.util.BitSet;

/**
 * libvirt's CPU list syntax (virBitmapParse): numbers {@code N}, ranges {@code N-M}, exclusions
 * {@code ^N}, separated by commas, spaces allowed around them; at most {@link #LIMIT} CPUs
 * (VIR_DOMAIN_CPUMASK_LEN).
 */
final class CpuBitmap {
    static final int LIMIT = 8192;

    private CpuBitmap() {
    }

    /** The set the text names, or null when libvirt would refuse it ("Failed to parse bitmap"). */
    static BitSet parse(String text) {
        if (text == null) return null;
        BitSet set = new BitSet();
        int[] at = {skipSpaces(text, 0)};
        if (at[0] == text.length()) return null;
        while (at[0] < text.length()) {
            boolean exclude = text.charAt(at[0]) == '^';
            if (exclude) at[0]++;
            int first = number(text, at);
            if (first < 0) return null;
            at[0] = skipSpaces(text, at[0]);
            int last = first;
            if (at[0] < text.length() && text.charAt(at[0]) == '-') {
                if (exclude) return null;
                at[0] = skipSpaces(text, at[0] + 1);
                last = number(text, at);
                if (last < first) return null;
                at[0] = skipSpaces(text, at[0]);
            }
            if (exclude) set.clear(first);
            else set.set(first, last + 1);
            if (at[0] == text.length()) break;
            if (text.charAt(at[0]) != ',') return null;
            at[0] = skipSpaces(text, at[0] + 1);
        }
        return set;
    }

    /** A decimal number below {@link #LIMIT} at {@code at[0]} (advanced past it), or -1. */
    private static int number(String text, int[] at) {
        int i = at[0];
        long n = 0;
        while (i < text.length() && Character.isDigit(text.charAt(i)) && text.charAt(i) < 128) {
            n = n * 10 + (text.charAt(i) - '0');
            if (n >= LIMIT) return -1;
            i++;
        }
        if (i == at[0]) return -1;
        at[0] = i;
        return (int) n;
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
        return i;
    }

    /** "0-1, 3" style list of a set, for messages. */
    static String format(BitSet set) {
        StringBuilder sb = new StringBuilder();
        for (int i = set.nextSetBit(0); i >= 0; ) {
            int end = set.nextClearBit(i) - 1;
            if (sb.length() > 0) sb.append(',');
            sb.append(i);
            if (end > i) sb.append('-').append(end);
            i = set.nextSetBit(end + 1);
        }
        return sb.toString();
    }
}
