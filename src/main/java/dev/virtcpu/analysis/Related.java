package dev.virtcpu.analysis;

import java.nio.file.Path;

/** A place in another file that explains a finding (a host file), as 0-based line and column. */
public record Related(Path file, int line, int column, String message) {
}
