package dev.virtcpu.lsp;

import dev.virtcpu.xml.LineMap;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/** Offsets ↔ LSP positions in the negotiated encoding (UTF-16 by default, UTF-32 if asked). */
final class Positions {
    private final boolean utf32;

    Positions(boolean utf32) {
        this.utf32 = utf32;
    }

    Position position(LineMap lines, int offset) {
        return new Position(lines.line(offset), utf32 ? lines.codePointColumn(offset) : lines.column(offset));
    }

    Range range(LineMap lines, int start, int end) {
        return new Range(position(lines, start), position(lines, end));
    }

    /** The offset of a position; one out of range (negative, past a line or the document) is clamped. */
    int offset(LineMap lines, Position p) {
        if (p.getLine() < 0) return lines.lineStart(0);
        return utf32 ? lines.offsetOfCodePointColumn(p.getLine(), p.getCharacter()) : lines.offset(p.getLine(), p.getCharacter());
    }
}
