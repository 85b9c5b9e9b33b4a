package dev.virtcpu.analysis;

import java.util.List;

/**
 * A quick fix: edits to the analysed document. {@code safe} fixes are the ones {@code lint --fix}
 * applies unattended (unambiguous renames, and the first rung of a host-set fix ladder that leaves the
 * {@code <cpu>} clean). {@code rung} is 0 for ordinary fixes and 1, 2, 3… for the host-set ladder
 * (best first); {@code lint --fix} applies one ladder fix per {@code <cpu>}, before the others.
 */
public record Fix(String title, List<TextEdit> edits, boolean preferred, boolean safe, int rung) {
    public Fix(String title, List<TextEdit> edits, boolean preferred, boolean safe) {
        this(title, edits, preferred, safe, 0);
    }
}
