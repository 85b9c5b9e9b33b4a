package dev.virtcpu.cli.lint;

import dev.virtcpu.analysis.FileReport;
import dev.virtcpu.analysis.Finding;
import dev.virtcpu.analysis.Related;
import dev.virtcpu.xml.XmlElement;
import dev.virtcpu.xml.XmlParser;

import java.util.List;

/**
 * {@code --format junit}: JUnit XML as Jenkins, GitLab test reports and Azure Pipelines read it. One
 * {@code testsuite} per file, one {@code testcase} per domain (named after the domain), one
 * {@code failure} per finding at or above the threshold (type: the code; text: file, line, column,
 * severity, code and message). Problems that stopped files from being linted are {@code error}s of
 * one more suite.
 */
final class JunitReport {
    private JunitReport() {
    }

    static String render(ReportInput in) {
        StringBuilder suites = new StringBuilder();
        int tests = 0;
        int failed = 0;
        for (FileReport r : in.result().reports()) {
            List<Finding> shown = in.shown(r);
            tests++;
            if (!shown.isEmpty()) failed++;
            suite(suites, in, r, shown);
        }
        List<String> errors = in.errors();
        if (!errors.isEmpty()) {
            tests += errors.size();
            errorSuite(suites, errors);
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuites name=\"virtcpu lint\" tests=\"" + tests + "\" failures=\"" + failed
                + "\" errors=\"" + errors.size() + "\">\n" + suites + "</testsuites>\n";
    }

    private static void suite(StringBuilder sb, ReportInput in, FileReport r, List<Finding> shown) {
        String path = XmlText.attribute(in.path(r.file()));
        sb.append("  <testsuite name=\"").append(path).append("\" file=\"").append(path)
                .append("\" tests=\"1\" failures=\"").append(shown.isEmpty() ? 0 : 1).append("\" errors=\"0\" skipped=\"0\">\n");
        sb.append("    <testcase name=\"").append(XmlText.attribute(testName(r))).append("\" classname=\"").append(path);
        if (shown.isEmpty()) {
            sb.append("\"/>\n");
        } else {
            sb.append("\">\n");
            for (Finding f : shown) failure(sb, in, r, f);
            sb.append("    </testcase>\n");
        }
        sb.append("  </testsuite>\n");
    }

    private static void failure(StringBuilder sb, ReportInput in, FileReport r, Finding f) {
        StringBuilder text = new StringBuilder();
        text.append(in.path(r.file())).append(':').append(ReportInput.line(r, f.start())).append(':')
                .append(ReportInput.column(r, f.start())).append(": ").append(f.severity().label()).append(' ')
                .append(f.code()).append(": ").append(f.message());
        for (Related rel : f.related()) {
            text.append("\n  ").append(in.path(rel.file())).append(':').append(rel.line() + 1).append(':')
                    .append(rel.column() + 1).append(": ").append(rel.message());
        }
        sb.append("      <failure type=\"").append(XmlText.attribute(f.code())).append("\" message=\"")
                .append(XmlText.attribute(f.message())).append("\">").append(XmlText.content(text.toString()))
                .append("</failure>\n");
    }

    private static void errorSuite(StringBuilder sb, List<String> errors) {
        sb.append("  <testsuite name=\"virtcpu lint\" tests=\"").append(errors.size()).append("\" failures=\"0\" errors=\"")
                .append(errors.size()).append("\" skipped=\"0\">\n");
        for (int i = 0; i < errors.size(); i++) {
            String e = XmlText.attribute(errors.get(i));
            sb.append("    <testcase name=\"input ").append(i + 1).append("\" classname=\"virtcpu lint\">\n")
                    .append("      <error type=\"input\" message=\"").append(e).append("\">").append(XmlText.content(errors.get(i)))
                    .append("</error>\n    </testcase>\n");
        }
        sb.append("  </testsuite>\n");
    }

    /** The domain's {@code <name>}; for a file that is not a domain (or has no name), its file name. */
    private static String testName(FileReport r) {
        XmlElement root = XmlParser.parse(r.text()).rootElement();
        if (root != null && root.name().equals("domain")) {
            XmlElement name = root.element("name");
            if (name != null && !name.text().isBlank()) return name.text().strip();
        }
        return r.file().getFileName().toString();
    }
}
