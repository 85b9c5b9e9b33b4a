package dev.virtcpu.analysis;

import dev.virtcpu.hosts.Problem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Problems of configuration and host files, as findings of those files: each once (every domain that
 * uses a host set meets its problems again), with the user's severity for its code, at most
 * {@link FindingSink#MAX_FINDINGS} per file and then one that counts the rest.
 */
final class SideFindings {
    private final Map<Path, Set<Finding>> byFile = new LinkedHashMap<>();
    private final Map<Path, int[]> unlisted = new LinkedHashMap<>();

    void add(Problem p, String code, AnalysisContext context) {
        if (p.file() == null) return;
        Severity s = context.severityOf(code);
        if (s == Severity.OFF) return;
        Set<Finding> set = byFile.computeIfAbsent(p.file(), k -> new LinkedHashSet<>());
        Finding f = new Finding(code, s, p.start(), Math.max(p.end(), p.start()), Printable.message(p.message()),
                List.of(), List.of());
        if (set.size() < FindingSink.MAX_FINDINGS || set.contains(f)) {
            set.add(f);
            return;
        }
        int[] count = unlisted.computeIfAbsent(p.file(), k -> new int[]{0, p.start(), s.ordinal()});
        count[0]++;
        count[2] = Math.min(count[2], s.ordinal());
    }

    Set<Path> files() {
        return byFile.keySet();
    }

    List<Finding> findings(Path file) {
        List<Finding> out = new ArrayList<>(byFile.get(file));
        int[] count = unlisted.get(file);
        if (count != null) {
            out.add(new Finding(Codes.MORE_FINDINGS, Severity.values()[count[2]], count[1], count[1] + 1, count[0]
                    + " more finding" + (count[0] == 1 ? "" : "s") + " not listed (the first " + FindingSink.MAX_FINDINGS
                    + " are)", List.of(), List.of()));
        }
        return out;
    }
}
