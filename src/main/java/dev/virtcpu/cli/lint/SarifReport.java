package dev.virtcpu.cli.lint;

import dev.virtcpu.analysis.FileReport;
import dev.virtcpu.analysis.Finding;
import dev.virtcpu.analysis.Related;
import dev.virtcpu.analysis.Severity;
import dev.virtcpu.analysis.rules.Rule;
import dev.virtcpu.analysis.rules.Rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --format sarif}: a SARIF 2.1.0 log with one rule per finding code. */
final class SarifReport {
    private SarifReport() {
    }

    static String render(ReportInput in, String version) {
        List<String> ruleIds = new ArrayList<>();
        for (Rule rule : Rules.ALL) ruleIds.add(rule.code());
        List<Object> results = new ArrayList<>();
        for (FileReport r : in.result().reports()) {
            for (Finding f : in.shown(r)) results.add(result(in, r, f, ruleIds));
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "virtcpu");
        driver.put("version", version);
        driver.put("informationUri", "https://virtcpu.dev");
        driver.put("rules", rules());
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("results", results);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        root.put("runs", List.of(run));
        return JsonWriter.write(root);
    }

    /** One reportingDescriptor per rule: its summary, and its rationale as help (text and Markdown). */
    private static List<Object> rules() {
        List<Object> rules = new ArrayList<>();
        for (Rule rule : Rules.ALL) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", rule.code());
            m.put("name", rule.code());
            m.put("shortDescription", Map.of("text", rule.summary()));
            m.put("fullDescription", Map.of("text", rule.rationale()));
            Map<String, Object> help = new LinkedHashMap<>();
            help.put("text", rule.rationale());
            help.put("markdown", "**" + rule.code() + "**: " + rule.summary() + "\n\n" + rule.rationale());
            m.put("help", help);
            m.put("defaultConfiguration", Map.of("level", level(rule.defaultSeverity())));
            rules.add(m);
        }
        return rules;
    }

    private static Map<String, Object> result(ReportInput in, FileReport r, Finding f, List<String> ruleIds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ruleId", f.code());
        m.put("ruleIndex", Math.max(0, ruleIds.indexOf(f.code())));
        m.put("level", level(f.severity()));
        m.put("message", Map.of("text", f.message()));
        m.put("locations", List.of(location(in.path(r.file()), r, f)));
        List<Object> related = new ArrayList<>();
        int id = 0;
        for (Related rel : f.related()) {
            Map<String, Object> region = new LinkedHashMap<>();
            region.put("startLine", rel.line() + 1);
            region.put("startColumn", rel.column() + 1);
            Map<String, Object> phys = new LinkedHashMap<>();
            phys.put("artifactLocation", Map.of("uri", in.path(rel.file())));
            phys.put("region", region);
            Map<String, Object> loc = new LinkedHashMap<>();
            loc.put("id", id++);
            loc.put("physicalLocation", phys);
            loc.put("message", Map.of("text", rel.message()));
            related.add(loc);
        }
        if (!related.isEmpty()) m.put("relatedLocations", related);
        return m;
    }

    private static Map<String, Object> location(String uri, FileReport r, Finding f) {
        Map<String, Object> region = new LinkedHashMap<>();
        region.put("startLine", ReportInput.line(r, f.start()));
        region.put("startColumn", ReportInput.column(r, f.start()));
        region.put("endLine", ReportInput.line(r, f.end()));
        region.put("endColumn", ReportInput.column(r, f.end()));
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
}
