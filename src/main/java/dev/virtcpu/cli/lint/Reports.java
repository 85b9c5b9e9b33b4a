package dev.virtcpu.cli.lint;

import java.util.List;

/** The report formats of {@code virtcpu lint --format}; each lives in its own class. */
public final class Reports {
    /** The names {@code --format} accepts, the default first. */
    public static final List<String> FORMATS = List.of("text", "json", "sarif", "github", "codequality", "junit");

    private Reports() {
    }

    /** Renders {@code in} in {@code format} (one of {@link #FORMATS}). */
    public static String render(String format, ReportInput in, boolean colour, String version) {
        return switch (format) {
            case "json" -> JsonReport.render(in);
            case "sarif" -> SarifReport.render(in, version);
            case "github" -> GithubReport.render(in);
            case "codequality" -> CodeQualityReport.render(in);
            case "junit" -> JunitReport.render(in);
            case "text" -> TextReport.render(in, colour);
            default -> throw new IllegalArgumentException("unknown format " + format);
        };
    }
}
