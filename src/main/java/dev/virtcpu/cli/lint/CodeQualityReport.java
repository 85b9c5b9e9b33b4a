package dev.virtcpu.cli.lint;

import dev.virtcpu.analysis.FileReport;
import dev.virtcpu.analysis.Finding;
import dev.virtcpu.analysis.Severity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --format codequality}: GitLab's Code Quality report (the subset of the Code Climate issue
 * format GitLab reads: description, check_name, fingerprint, severity, location.path and
 * location.lines.begin), for {@code artifacts:reports:codequality}.
 */
final class CodeQualityReport {
    private CodeQualityReport() {
    }

    static String render(ReportInput in) {
        List<Object> issues = new ArrayList<>();
        for (FileReport r : in.result().reports()) {
            String path = in.path(r.file());
            Map<String, Integer> seen = new HashMap<>();
            for (Finding f : in.shown(r)) {
                String identity = path + '\0' + f.code() + '\0' + f.message();
                int occurrence = seen.merge(identity, 1, Integer::sum);
                issues.add(issue(path, ReportInput.line(r, f.start()), f, fingerprint(identity + '\0' + occurrence)));
            }
        }
        return JsonWriter.write(issues);
    }

    private static Map<String, Object> issue(String path, int line, Finding f, String fingerprint) {
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("path", path);
        location.put("lines", Map.of("begin", line));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("description", f.message());
        m.put("check_name", f.code());
        m.put("fingerprint", fingerprint);
        m.put("severity", severity(f.severity()));
        m.put("location", location);
        return m;
    }

    /**
     * GitLab matches issues across pipelines by fingerprint and shows identical fingerprints once,
     * so it must not depend on the line (edits above a finding move it) but must tell apart
     * findings of one file: the file, the code, the message, and which of the identical
     * (file, code, message) findings it is, in document order.
     */
    private static String fingerprint(String identity) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /** virtcpu's severities on GitLab's scale (info, minor, major, critical, blocker). */
    static String severity(Severity s) {
        return switch (s) {
            case ERROR -> "critical";
            case WARNING -> "major";
            default -> "info";
        };
    }
}
