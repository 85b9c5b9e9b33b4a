package dev.virtcpu.cli.lint;

import dev.virtcpu.analysis.FileReport;
import dev.virtcpu.analysis.Finding;

/** {@code --format github}: one GitHub Actions workflow command per finding. */
final class GithubReport {
    private GithubReport() {
    }

    static String render(ReportInput in) {
        StringBuilder sb = new StringBuilder();
        for (FileReport r : in.result().reports()) {
            for (Finding f : in.shown(r)) {
                String cmd = switch (f.severity()) {
                    case ERROR -> "error";
                    case WARNING -> "warning";
                    default -> "notice";
                };
                sb.append("::").append(cmd).append(" file=").append(escapeProperty(in.path(r.file())))
                        .append(",line=").append(ReportInput.line(r, f.start()))
                        .append(",col=").append(ReportInput.column(r, f.start()))
                        .append(",endLine=").append(ReportInput.line(r, f.end()))
                        .append(",endColumn=").append(ReportInput.column(r, f.end()))
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
