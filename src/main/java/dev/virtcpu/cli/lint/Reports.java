package dev.virtcpu.cli.lint;

import dev.virtcpu.analysis.Codes;
import dev.virtcpu.analysis.FileReport;
import dev.virtcpu.analysis.Finding;
import dev.virtcpu.analysis.Linter;
import dev.virtcpu.analysis.Related;
import dev.virtcpu.analysis.Severity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders lint results as text, JSON, SARIF 2.1.0 or GitHub workflow commands. */
public final class Reports {
    private Reports() {
    }

    static String path(Path p, Path base) {
        Path abs = p.toAbsolutePath().normalize();
        if (base != null && abs.startsWith(base)) return base.relativize(abs).toString().replace('\\', '/');
        return p.toString();
    }

    static List<Finding> shown(FileReport r, Severity threshold) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : r.findings()) {
            if (f.severity().atLeast(threshold)) out.add(f);
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    public static String text(Linter.Result result, Severity threshold, Path base, boolean colour) {
        StringBuilder sb = new StringBuilder();
        int errors = 0;
        int warnings = 0;
        int infos = 0;
        for (FileReport r : result.reports()) {
            List<Finding> shown = shown(r, threshold);
            if (shown.isEmpty()) continue;
            sb.append(colour ? "\u001b[1m" + path(r.file(), base) + "\u001b[0m" : path(r.file(), base)).append('\n');
            for (Finding f : shown) {
                switch (f.severity()) {
                    case ERROR -> errors++;
                    case WARNING -> warnings++;
                    default -> infos++;
                }
                String sev = f.severity().label();
                if (colour) sev = (f.severity() == Severity.ERROR ? "\u001b[31m" : f.severity() == Severity.WARNING ? "\u001b[33m" : "\u001b[36m") + sev + "\u001b[0m";
                sb.append(path(r.file(), base)).append(':').append(r.lines().line(f.start()) + 1).append(':')
                        .append(r.lines().column(f.start()) + 1).append(": ").append(sev).append(' ').append(f.code())
                        .append(": ").append(f.message()).append('\n');
            }
            sb.append('\n');
        }
        for (String e : result.errors()) sb.append("error: ").append(e).append('\n');
        sb.append(result.filesChecked()).append(" domain file").append(result.filesChecked() == 1 ? "" : "s").append(" checked");
        if (result.filesSkipped() > 0) sb.append(", ").append(result.filesSkipped()).append(" other XML file")
                .append(result.filesSkipped() == 1 ? "" : "s").append(" skipped");
        sb.append(": ").append(errors).append(" error").append(errors == 1 ? "" : "s").append(", ")
                .append(warnings).append(" warning").append(warnings == 1 ? "" : "s");
        if (infos > 0) sb.append(", ").append(infos).append(" info");
        sb.append("; ").append(result.hostsInSets()).append(" host").append(result.hostsInSets() == 1 ? "" : "s").append(" in host sets\n");
        return sb.toString();
    }

    private static Map<String, Object> position(FileReport r, int offset) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("line", r.lines().line(offset) + 1);
        m.put("column", r.lines().column(offset) + 1);
        return m;
    }

    /** The documented JSON structure (schemas/lint-report.schema.json). */
    public static String json(Linter.Result result, Severity threshold, Path base) {
        Map<Path, String> paths = new HashMap<>();
        List<Object> files = new ArrayList<>();
        int total = 0;
        for (FileReport r : result.reports()) {
            List<Object> findings = new ArrayList<>();
            for (Finding f : shown(r, threshold)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("code", f.code());
                m.put("severity", f.severity().label());
                m.put("message", f.message());
                m.put("start", position(r, f.start()));
                m.put("end", position(r, f.end()));
                List<Object> related = new ArrayList<>();
                for (Related rel : f.related()) {
                    Map<String, Object> x = new LinkedHashMap<>();
                    x.put("path", paths.computeIfAbsent(rel.file(), q -> path(q, base)));
                    x.put("line", rel.line() + 1);
                    x.put("column", rel.column() + 1);
                    x.put("message", rel.message());
                    related.add(x);
                }
                m.put("related", related);
                List<Object> fixes = new ArrayList<>();
                f.fixes().forEach(x -> fixes.add(x.title()));
                m.put("fixes", fixes);
                findings.add(m);
            }
            if (findings.isEmpty()) continue;
            total += findings.size();
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("path", path(r.file(), base));
            file.put("findings", findings);
            files.add(file);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("filesChecked", result.filesChecked());
        summary.put("filesSkipped", result.filesSkipped());
        summary.put("hostsInSets", result.hostsInSets());
        summary.put("findings", total);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", 1);
        root.put("tool", "virtcpu");
        root.put("files", files);
        root.put("errors", result.errors());
        root.put("summary", summary);
        return JsonWriter.write(root);
    }

    public static String sarif(Linter.Result result, Severity threshold, Path base, String version) {
        // Host findings relate to the same few host files many times: relativize each path once.
        Map<Path, String> paths = new HashMap<>();
        List<Object> rules = new ArrayList<>();
        List<String> ruleIds = new ArrayList<>(Codes.RULES.keySet());
        for (Codes.Rule rule : Codes.RULES.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", rule.code());
            m.put("name", rule.code());
            m.put("shortDescription", Map.of("text", rule.description()));
            m.put("fullDescription", Map.of("text", rule.description()));
            m.put("help", Map.of("text", rule.description() + " See virtcpu's README for the list of checks."));
            m.put("defaultConfiguration", Map.of("level", level(rule.severity())));
            rules.add(m);
        }
        List<Object> results = new ArrayList<>();
        for (FileReport r : result.reports()) {
            for (Finding f : shown(r, threshold)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("ruleId", f.code());
                m.put("ruleIndex", Math.max(0, ruleIds.indexOf(f.code())));
                m.put("level", level(f.severity()));
                m.put("message", Map.of("text", f.message()));
                m.put("locations", List.of(location(path(r.file(), base), r, f)));
                List<Object> related = new ArrayList<>();
                int id = 0;
                for (Related rel : f.related()) {
                    Map<String, Object> region = new LinkedHashMap<>();
                    region.put("startLine", rel.line() + 1);
                    region.put("startColumn", rel.column() + 1);
                    Map<String, Object> phys = new LinkedHashMap<>();
                    phys.put("artifactLocation", Map.of("uri", paths.computeIfAbsent(rel.file(), q -> path(q, base))));
                    phys.put("region", region);
                    Map<String, Object> loc = new LinkedHashMap<>();
                    loc.put("id", id++);
                    loc.put("physicalLocation", phys);
                    loc.put("message", Map.of("text", rel.message()));
                    related.add(loc);
                }
                if (!related.isEmpty()) m.put("relatedLocations", related);
                results.add(m);
            }
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "virtcpu");
        driver.put("version", version);
        driver.put("informationUri", "https://virtcpu.dev");
        driver.put("rules", rules);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("results", results);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        root.put("runs", List.of(run));
        return JsonWriter.write(root);
    }

    private static Map<String, Object> location(String uri, FileReport r, Finding f) {
        Map<String, Object> region = new LinkedHashMap<>();
        region.put("startLine", r.lines().line(f.start()) + 1);
        region.put("startColumn", r.lines().column(f.start()) + 1);
        region.put("endLine", r.lines().line(f.end()) + 1);
        region.put("endColumn", r.lines().column(f.end()) + 1);
        Map<String, Object> phys = new LinkedHashMap<>();
        phys.put("artifactLocation", Map.of("uri", uri));
        phys.put("region", region);
        return Map.of("physicalLocation", phys);
    }

    private static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            default -> "note";
        };
    }

    public static String github(Linter.Result result, Severity threshold, Path base) {
        StringBuilder sb = new StringBuilder();
        for (FileReport r : result.reports()) {
            for (Finding f : shown(r, threshold)) {
                String cmd = switch (f.severity()) {
                    case ERROR -> "error";
                    case WARNING -> "warning";
                    default -> "notice";
                };
                sb.append("::").append(cmd).append(" file=").append(escapeProperty(path(r.file(), base)))
                        .append(",line=").append(r.lines().line(f.start()) + 1)
                        .append(",col=").append(r.lines().column(f.start()) + 1)
                        .append(",endLine=").append(r.lines().line(f.end()) + 1)
                        .append(",endColumn=").append(r.lines().column(f.end()) + 1)
                        .append(",title=").append(escapeProperty("virtcpu " + f.code()))
                        .append("::").append(escapeData(f.message())).append('\n');
            }
        }
        return sb.toString();
    }

    static String escapeData(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String escapeProperty(String s) {
        return escapeData(s).replace(":", "%3A").replace(",", "%2C");
    }
}
