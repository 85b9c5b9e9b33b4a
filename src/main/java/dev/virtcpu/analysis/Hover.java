package dev.virtcpu.analysis;

/** Markdown shown for the range [start, end). */
public record Hover(String markdown, int start, int end) {
}
