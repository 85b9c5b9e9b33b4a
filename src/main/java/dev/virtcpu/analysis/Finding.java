package dev.virtcpu.analysis;

import java.util.List;

/** One problem in a document: a stable code, a range (char offsets), a message, and fixes. */
public record Finding(String code, Severity severity, int start, int end, String message,
                      List<Related> related, List<Fix> fixes) {

    public Finding withSeverity(Severity s) {
        return new Finding(code, s, start, end, message, related, fixes);
    }
}
