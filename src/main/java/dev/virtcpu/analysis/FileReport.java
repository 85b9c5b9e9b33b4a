package dev.virtcpu.analysis;

import dev.virtcpu.xml.LineMap;

import java.nio.file.Path;
import java.util.List;

/** Lint result for one file: its findings (offsets resolve through {@code lines}). */
public record FileReport(Path file, String text, LineMap lines, List<Finding> findings, boolean hasSyntaxErrors) {
}
