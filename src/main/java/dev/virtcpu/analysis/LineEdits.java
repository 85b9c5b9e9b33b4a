package dev.virtcpu.analysis;

import dev.virtcpu.xml.XmlElement;

/** Edits that insert or remove whole lines so the surrounding layout stays tidy. */
public final class LineEdits {
    private LineEdits() {
    }

    /** Removes an element; when it sits alone on its line, removes the whole line. */
    public static TextEdit removeElement(String text, XmlElement e) {
        int s = e.start();
        int t = e.end();
        int ls = s;
        while (ls > 0 && (text.charAt(ls - 1) == ' ' || text.charAt(ls - 1) == '\t')) ls--;
        int le = t;
        while (le < text.length() && (text.charAt(le) == ' ' || text.charAt(le) == '\t')) le++;
        boolean lineStart = ls == 0 || isLineBreak(text.charAt(ls - 1));
        boolean lineEnd = le >= text.length() || text.charAt(le) == '\n' || text.charAt(le) == '\r';
        if (lineStart && lineEnd) {
            if (le < text.length() && text.charAt(le) == '\r') le++;
            if (le < text.length() && text.charAt(le) == '\n') le++;
            return new TextEdit(ls, le, "");
        }
        return new TextEdit(s, t, "");
    }

    /** The whitespace before the element on its line ("" if something else precedes it). */
    public static String indentOf(String text, int offset) {
        int ls = offset;
        while (ls > 0 && (text.charAt(ls - 1) == ' ' || text.charAt(ls - 1) == '\t')) ls--;
        if (ls == 0 || isLineBreak(text.charAt(ls - 1))) return text.substring(ls, offset);
        return "";
    }

    /** The file's own line break: CRLF, LF or a lone CR (old Mac files), whichever comes first. */
    public static String newline(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') return "\n";
            if (c == '\r') return i + 1 < text.length() && text.charAt(i + 1) == '\n' ? "\r\n" : "\r";
        }
        return "\n";
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r';
    }
}
