package dev.virtcpu.lsp;

import dev.virtcpu.analysis.Codes;
import dev.virtcpu.analysis.Finding;
import dev.virtcpu.analysis.Printable;
import dev.virtcpu.analysis.Severity;
import dev.virtcpu.analysis.Project;
import dev.virtcpu.hosts.Config;
import dev.virtcpu.hosts.HostSet;
import dev.virtcpu.hosts.Problem;
import dev.virtcpu.xml.LineMap;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.services.LanguageClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Problems in {@code .virtcpu.json} and host files, published as diagnostics of those files (and
 * cleared once fixed), whether or not the editor has them open.
 */
final class SideFileDiagnostics {
    private final Map<String, Set<String>> published = new ConcurrentHashMap<>();

    void publish(LanguageClient client, Positions positions, Map<String, OpenDocument> open, Project.Resolution r) {
        Map<Path, List<Problem>> byFile = new LinkedHashMap<>();
        Config c = r.config();
        if (c != null && c.file != null) {
            List<Problem> problems = new ArrayList<>(c.problems);
            problems.addAll(r.configProblems());
            byFile.put(c.file, problems);
        }
        HostSet set = r.context().hostSet();
        if (set != null) {
            for (Problem p : set.problems()) {
                if (p.file() != null) byFile.computeIfAbsent(p.file(), k -> new ArrayList<>()).add(p);
            }
        }
        String key = c == null || c.file == null ? "" : c.file.toString();
        Set<String> now = ConcurrentHashMap.newKeySet();
        for (Map.Entry<Path, List<Problem>> e : byFile.entrySet()) {
            String uri = e.getKey().toUri().toString();
            OpenDocument doc = open.get(uri);
            if (doc != null && e.getKey().toString().endsWith(".xml")) continue;
            String text = doc != null ? doc.text() : read(e.getKey());
            LineMap lines = new LineMap(text);
            List<Diagnostic> diags = new ArrayList<>();
            for (Problem p : e.getValue()) {
                String code = c != null && e.getKey().equals(c.file) ? Codes.CONFIG_PROBLEM : Codes.HOST_FILE_PROBLEM;
                Severity severity = r.context().severityOf(code);
                if (severity == Severity.OFF) continue;
                Finding f = new Finding(code, severity, Math.min(p.start(), text.length()), Math.min(p.end(), text.length()),
                        Printable.message(p.message()), List.of(), List.of());
                diags.add(new Diagnostic(positions.range(lines, f.start(), f.end()), f.message(), Translate.severity(f),
                        Translate.SOURCE, code));
            }
            if (!diags.isEmpty()) now.add(uri);
            client.publishDiagnostics(new PublishDiagnosticsParams(uri, diags));
        }
        Set<String> before = published.put(key, now);
        if (before != null) {
            for (String uri : before) {
                if (!now.contains(uri)) client.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
            }
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (Exception e) {
            return "";
        }
    }
}
