package dev.virtcpu.xml;

import java.util.Arrays;

/** Converts between char offsets and zero-based (line, UTF-16 column) positions. */
public final class LineMap {
    private final String text;
    private final int[] lineStarts;

    public LineMap(String text) {
        this.text = text;
        int[] starts = new int[16];
        int n = 0;
        // A byte order mark is no column: editors and compilers count from the character after it.
        starts[n++] = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
                starts[n++] = i + 1;
            }
        }
        lineStarts = Arrays.copyOf(starts, n);
    }

    public int lineCount() { return lineStarts.length; }

    /** Zero-based line of an offset. */
    public int line(int offset) {
        int i = Arrays.binarySearch(lineStarts, Math.max(lineStarts[0], Math.min(offset, text.length())));
        return i >= 0 ? i : -i - 2;
    }

    /** Zero-based column in UTF-16 code units. */
    public int column(int offset) {
        offset = Math.max(lineStarts[0], Math.min(offset, text.length()));
        return offset - lineStarts[line(offset)];
    }

    /** Zero-based column in Unicode code points (for clients that negotiate UTF-32). */
    public int codePointColumn(int offset) {
        offset = Math.max(lineStarts[0], Math.min(offset, text.length()));
        int ls = lineStarts[line(offset)];
        return text.codePointCount(ls, offset);
    }

    public int lineStart(int line) {
        if (line < 0) return lineStarts[0];
        if (line >= lineStarts.length) return text.length();
        return lineStarts[line];
    }

    /** End of a line's content, excluding its line terminator. */
    public int lineEnd(int line) {
        if (line + 1 >= lineStarts.length) return text.length();
        int e = lineStarts[line + 1];
        if (e > 0 && text.charAt(e - 1) == '\n') e--;
        if (e > 0 && text.charAt(e - 1) == '\r') e--;
        return Math.max(e, lineStart(line));
    }

    /** Offset of a (line, UTF-16 column) position, clamped to the line. */
    public int offset(int line, int column) {
        if (line >= lineStarts.length) return text.length();
        int ls = lineStart(line);
        return Math.min(ls + Math.max(0, column), lineEnd(line));
    }

    /** Offset of a (line, code point column) position, clamped to the line. */
    public int offsetOfCodePointColumn(int line, int column) {
        int ls = lineStart(line);
        int le = lineEnd(line);
        int off = ls;
        for (int i = 0; i < column && off < le; i++) off += Character.charCount(text.codePointAt(off));
        return off;
    }
}
