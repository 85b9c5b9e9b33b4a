package dev.virtcpu.cli.lint;

import dev.virtcpu.analysis.FileReport;
import dev.virtcpu.analysis.Finding;
import dev.virtcpu.analysis.Linter;
import dev.virtcpu.analysis.Printable;
import dev.virtcpu.analysis.Severity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every report format renders: one lint run, the findings at or above {@code threshold}, and
 * file paths relative to {@code base} (the working directory) where they lie below it.
 */
public final class ReportInput {
    private final Linter.Result result;
    private final Severity threshold;
    private final Path base;
    // Host findings relate to the same few host files many times: relativize each path once.
    private final Map<Path, String> paths = new HashMap<>();

    public ReportInput(Linter.Result result, Severity threshold, Path base) {
        this.result = result;
        this.threshold = threshold;
        this.base = base;
    }

    Linter.Result result() {
        return result;
    }

    Severity threshold() {
        return threshold;
    }

    /**
     * {@code p} relative to the base directory when below it, with '/' separators; control characters
     * in a file name are escaped ({@link Printable}) like those in messages, in every format.
     */
    String path(Path p) {
        return paths.computeIfAbsent(p, q -> {
            Path abs = q.toAbsolutePath().normalize();
            if (base != null && abs.startsWith(base)) return Printable.escape(base.relativize(abs).toString().replace('\\', '/'));
            return Printable.escape(q.toString());
        });
    }

    /** The run's errors (files that could not be read…), printable. */
    List<String> errors() {
        List<String> out = new ArrayList<>();
        for (String e : result.errors()) out.add(Printable.message(e));
        return out;
    }

    /** The findings of {@code r} at or above the threshold, in document order. */
    List<Finding> shown(FileReport r) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : r.findings()) {
            if (f.severity().atLeast(threshold)) out.add(f);
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    /** One-based line of a character offset in {@code r}. */
    static int line(FileReport r, int offset) {
        return r.lines().line(offset) + 1;
    }

    /** One-based column of a character offset in {@code r}. */
    static int column(FileReport r, int offset) {
        return r.lines().column(offset) + 1;
    }
}
