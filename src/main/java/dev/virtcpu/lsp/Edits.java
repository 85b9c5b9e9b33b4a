package dev.virtcpu.lsp;

import dev.virtcpu.xml.LineMap;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * Applies one {@code didChange} content change. A client's positions may be out of range (past the
 * end of a line or of the document, negative) or reversed: they are clamped to the document and put
 * in order, as editors do, so a confused client gets the nearest sensible text rather than an error.
 */
final class Edits {
    private Edits() {
    }

    static String apply(String text, LineMap lines, Positions positions, TextDocumentContentChangeEvent change) {
        String inserted = change.getText() == null ? "" : change.getText();
        Range range = change.getRange();
        if (range == null) return inserted;
        if (range.getStart() == null || range.getEnd() == null) {
            System.err.println("virtcpu lsp: ignored a change without start or end: " + range);
            return text;
        }
        int s = clamp(positions.offset(lines, range.getStart()), text.length());
        int e = clamp(positions.offset(lines, range.getEnd()), text.length());
        return text.substring(0, Math.min(s, e)) + inserted + text.substring(Math.max(s, e));
    }

    private static int clamp(int offset, int length) {
        return Math.max(0, Math.min(offset, length));
    }
}
