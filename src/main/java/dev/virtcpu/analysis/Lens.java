package dev.virtcpu.analysis;

/** A line of information shown above the range [start, end) (an editor's code lens). */
public record Lens(int start, int end, String title) {
}
