package dev.virtcpu.analysis;

/**
 * Text that came from the input, made safe to print anywhere: terminal control characters (ESC, BEL,
 * CR, NUL…), C1 controls and the invisible bidirectional overrides become visible escapes such as
 * {@code \x1B} and {@code \u202E}, so no file can colour a terminal, move its cursor or forge a finding
 * line; and a message cannot grow without bound because a name in the file is huge.
 */
public final class Printable {
    /** Longest message kept; the rest is cut, saying how long it was. */
    public static final int MAX_MESSAGE_CHARS = 1000;

    private Printable() {
    }

    /** {@link #escape} and {@link #clip} at {@link #MAX_MESSAGE_CHARS}. */
    public static String message(String s) {
        return s == null ? null : escape(clip(s, MAX_MESSAGE_CHARS));
    }

    public static String clip(String s, int max) {
        if (s.length() <= max) return s;
        int cut = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, cut) + "… (" + s.length() + " characters)";
    }

    public static String escape(String s) {
        int i = 0;
        while (i < s.length() && !unsafe(s.charAt(i))) i++;
        if (i == s.length()) return s;
        StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!unsafe(c)) sb.append(c);
            else if (c < 0x100) sb.append(String.format("\\x%02X", (int) c));
            else sb.append(String.format("\\u%04X", (int) c));
        }
        return sb.toString();
    }

    /** C0 and C1 controls, DEL, and the characters that reorder or hide text (Trojan Source). */
    public static boolean unsafe(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u061C' || c == '\u200E' || c == '\u200F'
                || (c >= '\u2028' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
