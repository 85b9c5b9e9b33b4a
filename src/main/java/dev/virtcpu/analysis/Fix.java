package dev.virtcpu.analysis;

import java.util.List;

/**
 * A quick fix: edits to the analysed document. {@code safe} fixes are the ones {@code lint --fix}
 * applies unattended (the baseline replacement and unambiguous renames).
 */
public record Fix(String title, List<TextEdit> edits, boolean preferred, boolean safe) {
}
