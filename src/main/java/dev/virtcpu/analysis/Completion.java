package dev.virtcpu.analysis;

/**
 * A completion proposal: replaces [replaceStart, replaceEnd) with {@code insertText} (a snippet when
 * {@code snippet}). {@code sortText} ranks what runs on the whole host set first.
 */
public record Completion(String label, Kind kind, String detail, String documentation, String sortText,
                         int replaceStart, int replaceEnd, String insertText, boolean snippet) {
    public enum Kind { MODEL, FEATURE, VENDOR, VALUE, SNIPPET }
}
