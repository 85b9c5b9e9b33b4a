package dev.virtcpu.lsp;

import dev.virtcpu.analysis.Codes;
import dev.virtcpu.analysis.Project;
import dev.virtcpu.hosts.Config;
import dev.virtcpu.hosts.HostSet;
import dev.virtcpu.hosts.Problem;
import dev.virtcpu.xml.LineMap;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Problems in {@code .virtcpu.json} and host files, as diagnostics of those files, whether or not the
 * editor has them open (an open host file shows them next to its own diagnostics), and cleared once
 * fixed. Kept per configuration, since each configuration reads its own files.
 */
final class SideFileDiagnostics {
    /** configuration key → file URI → its diagnostics. */
    private final Map<String, Map<String, List<Diagnostic>>> byConfig = new ConcurrentHashMap<>();
    /** configuration key → the configuration and host set those diagnostics come from. */
    private final Map<String, Sources> lastSources = new ConcurrentHashMap<>();

    /** A configuration and a host set, the same when they are the same objects. */
    private record Sources(Config config, HostSet set) {
        @Override
        public boolean equals(Object o) { return o instanceof Sources s && s.config == config && s.set == set; }

        @Override
        public int hashCode() { return System.identityHashCode(config) * 31 + System.identityHashCode(set); }
    }

    /** The problems of every configuration for a file. */
    List<Diagnostic> of(String uri) {
        List<Diagnostic> out = new ArrayList<>();
        for (Map<String, List<Diagnostic>> files : byConfig.values()) out.addAll(files.getOrDefault(uri, List.of()));
        return out;
    }

    /**
     * Takes the problems of a resolution's configuration and host set; returns the URIs whose
     * diagnostics changed (to publish again), those cleared included.
     */
    synchronized Set<String> update(Positions positions, Map<String, OpenDocument> open, Project.Resolution r) {
        Config c = r.config();
        String key = c == null || c.file == null ? "" : c.file.toString();
        // Every edit of a domain resolves the same configuration and host set objects until one of their
        // files changes: their problems are then what was published (reading thousands of host files
        // again on each keystroke is what this avoids).
        Sources sources = new Sources(c, r.context().hostSet());
        if (sources.equals(lastSources.get(key))) return Set.of();
        lastSources.put(key, sources);
        Map<Path, List<Problem>> byFile = new LinkedHashMap<>();
        if (c != null && c.file != null) byFile.put(c.file, new ArrayList<>(c.problems));
        HostSet set = r.context().hostSet();
        if (set != null) {
            for (Problem p : set.problems()) {
                if (p.file() != null) byFile.computeIfAbsent(p.file(), k -> new ArrayList<>()).add(p);
            }
        }
        Map<String, List<Diagnostic>> now = new LinkedHashMap<>();
        for (Map.Entry<Path, List<Problem>> e : byFile.entrySet()) {
            String uri = e.getKey().toUri().toString();
            OpenDocument doc = open.get(uri);
            String text = doc != null ? doc.text() : read(e.getKey());
            String code = c != null && e.getKey().equals(c.file) ? Codes.CONFIG_PROBLEM : Codes.HOST_FILE_PROBLEM;
            List<Diagnostic> diags = diagnostics(positions, text, e.getValue(), code);
            if (!diags.isEmpty()) now.put(uri, diags);
        }
        Map<String, List<Diagnostic>> before = byConfig.put(key, now);
        Set<String> changed = new LinkedHashSet<>(now.keySet());
        if (before != null) {
            for (Map.Entry<String, List<Diagnostic>> e : before.entrySet()) {
                if (!e.getValue().equals(now.get(e.getKey()))) changed.add(e.getKey());
                else if (now.containsKey(e.getKey())) changed.remove(e.getKey());
            }
        }
        return changed;
    }

    private static List<Diagnostic> diagnostics(Positions positions, String text, List<Problem> problems, String code) {
        LineMap lines = new LineMap(text);
        List<Diagnostic> diags = new ArrayList<>();
        for (Problem p : problems) {
            int start = Math.min(p.start(), text.length());
            int end = Math.max(start, Math.min(p.end(), text.length()));
            diags.add(new Diagnostic(positions.range(lines, start, end), p.message(), DiagnosticSeverity.Error,
                    Translate.SOURCE, code));
        }
        return diags;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (Exception e) {
            return "";
        }
    }
}
