package dev.virtcpu.cli.lint;

import dev.virtcpu.analysis.FileReport;
import dev.virtcpu.analysis.Finding;
import dev.virtcpu.analysis.Linter;
import dev.virtcpu.analysis.Severity;

import java.util.List;

/** {@code --format text}: findings grouped by file, then a summary line. */
final class TextReport {
    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";

    private TextReport() {
    }

    static String render(ReportInput in, boolean colour) {
        StringBuilder sb = new StringBuilder();
        int[] counts = new int[3];
        for (FileReport r : in.result().reports()) {
            List<Finding> shown = in.shown(r);
            if (shown.isEmpty()) continue;
            String path = in.path(r.file());
            sb.append(colour ? BOLD + path + RESET : path).append('\n');
            for (Finding f : shown) {
                counts[switch (f.severity()) {
                    case ERROR -> 0;
                    case WARNING -> 1;
                    default -> 2;
                }]++;
                sb.append(path).append(':').append(ReportInput.line(r, f.start())).append(':')
                        .append(ReportInput.column(r, f.start())).append(": ").append(severity(f.severity(), colour))
                        .append(' ').append(f.code()).append(": ").append(f.message()).append('\n');
            }
            sb.append('\n');
        }
        for (String e : in.errors()) sb.append("error: ").append(e).append('\n');
        summary(sb, in.result(), counts[0], counts[1], counts[2]);
        return sb.toString();
    }

    private static String severity(Severity s, boolean colour) {
        if (!colour) return s.label();
        String code = s == Severity.ERROR ? "\u001b[31m" : s == Severity.WARNING ? "\u001b[33m" : "\u001b[36m";
        return code + s.label() + RESET;
    }

    private static void summary(StringBuilder sb, Linter.Result result, int errors, int warnings, int infos) {
        sb.append(result.filesChecked()).append(" domain file").append(plural(result.filesChecked())).append(" checked");
        if (result.filesSkipped() > 0) sb.append(", ").append(result.filesSkipped()).append(" other XML file")
                .append(plural(result.filesSkipped())).append(" skipped");
        sb.append(": ").append(errors).append(" error").append(plural(errors)).append(", ")
                .append(warnings).append(" warning").append(plural(warnings));
        if (infos > 0) sb.append(", ").append(infos).append(" info");
        sb.append("; ").append(result.hostsInSets()).append(" host").append(plural(result.hostsInSets())).append(" in host sets\n");
    }

    private static String plural(int n) {
        return n == 1 ? "" : "s";
    }
}
