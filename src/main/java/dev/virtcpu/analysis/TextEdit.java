package dev.virtcpu.analysis;

/** Replace the chars [start, end) of the document with {@code text}. */
public record TextEdit(int start, int end, String text) {
}
