package dev.virtcpu.analysis;

import java.util.List;

/**
 * One problem in a document: a stable code, a range (char offsets), a message, places in other files
 * that explain it, fixes, and optional Markdown detail shown on hover (e.g. which host lacks which
 * feature, when the message groups them).
 */
public record Finding(String code, Severity severity, int start, int end, String message,
                      List<Related> related, List<Fix> fixes, String detail) {

    public Finding(String code, Severity severity, int start, int end, String message, List<Related> related, List<Fix> fixes) {
        this(code, severity, start, end, message, related, fixes, null);
    }

    public Finding withSeverity(Severity s) {
        return new Finding(code, s, start, end, message, related, fixes, detail);
    }
}
