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
        boolean lineStart = ls == 0 || text.charAt(ls - 1) == '\n';
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
        if (ls == 0 || text.charAt(ls - 1) == '\n') return text.substring(ls, offset);
        return "";
    }

    public static String newline(String text) {
        int nl = text.indexOf('\n');
        return nl > 0 && text.charAt(nl - 1) == '\r' ? "\r\n" : "\n";
    }
}
