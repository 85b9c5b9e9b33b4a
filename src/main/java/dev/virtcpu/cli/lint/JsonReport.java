package dev.virtcpu.cli.lint;

import dev.virtcpu.analysis.FileReport;
import dev.virtcpu.analysis.Finding;
import dev.virtcpu.analysis.Related;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --format json}: the documented structure of schemas/lint-report.schema.json. */
final class JsonReport {
    private JsonReport() {
    }

    static String render(ReportInput in) {
        List<Object> files = new ArrayList<>();
        int total = 0;
        for (FileReport r : in.result().reports()) {
            List<Object> findings = new ArrayList<>();
            for (Finding f : in.shown(r)) findings.add(finding(in, r, f));
            if (findings.isEmpty()) continue;
            total += findings.size();
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("path", in.path(r.file()));
            file.put("findings", findings);
            files.add(file);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("filesChecked", in.result().filesChecked());
        summary.put("filesSkipped", in.result().filesSkipped());
        summary.put("hostsInSets", in.result().hostsInSets());
        summary.put("findings", total);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", 1);
        root.put("tool", "virtcpu");
        root.put("files", files);
        root.put("errors", in.errors());
        root.put("summary", summary);
        return JsonWriter.write(root);
    }

    private static Map<String, Object> finding(ReportInput in, FileReport r, Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", f.code());
        m.put("severity", f.severity().label());
        m.put("message", f.message());
        m.put("start", position(r, f.start()));
        m.put("end", position(r, f.end()));
        List<Object> related = new ArrayList<>();
        for (Related rel : f.related()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("path", in.path(rel.file()));
            x.put("line", rel.line() + 1);
            x.put("column", rel.column() + 1);
            x.put("message", rel.message());
            related.add(x);
        }
        m.put("related", related);
        List<Object> fixes = new ArrayList<>();
        f.fixes().forEach(x -> fixes.add(x.title()));
        m.put("fixes", fixes);
        return m;
    }

    private static Map<String, Object> position(FileReport r, int offset) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("line", ReportInput.line(r, offset));
        m.put("column", ReportInput.column(r, offset));
        return m;
    }
}
