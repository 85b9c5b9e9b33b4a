package dev.virtcpu.cli;

import dev.virtcpu.analysis.FileReport;
import dev.virtcpu.analysis.Finding;
import dev.virtcpu.analysis.FixApplier;
import dev.virtcpu.analysis.Linter;
import dev.virtcpu.analysis.Printable;
import dev.virtcpu.analysis.ProductVersion;
import dev.virtcpu.analysis.Project;
import dev.virtcpu.analysis.Severity;
import dev.virtcpu.cli.lint.FileRewriter;
import dev.virtcpu.cli.lint.ReportInput;
import dev.virtcpu.cli.lint.Reports;
import dev.virtcpu.hosts.Config;
import dev.virtcpu.hosts.Problem;
import dev.virtcpu.hosts.Workspace;
import dev.virtcpu.xml.XmlParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code virtcpu lint}: the editor's findings for files and directories, for CI. */
@Command(name = "lint", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Checks the <cpu> of every domain XML file under PATH against libvirt's CPU map and the host set.",
                "Exit status: 0 no findings at or above --severity, 1 findings, 2 usage or configuration error."})
final class LintCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "Use this .virtcpu.json for every file.")
    Path config;

    @Option(names = "--host-set", paramLabel = "NAME", description = "Host set to check against (default: from the configuration).")
    String hostSet;

    @Option(names = "--hosts", paramLabel = "GLOB", description = "Ad-hoc host set: host description files (repeatable).")
    List<String> hosts;

    @Mixin
    MapOptions maps = new MapOptions();

    @Option(names = "--libvirt-schemas", paramLabel = "DIR",
            description = "Also validate whole domains against libvirt's RelaxNG schemas in DIR (e.g. /usr/share/libvirt/schemas).")
    Path libvirtSchemas;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, sarif, github, codequality or junit (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--severity", paramLabel = "LEVEL", defaultValue = "warning",
            description = "Report findings at or above: error, warning or info (default: ${DEFAULT-VALUE}).")
    String severity;

    @Option(names = "--fix", description = "Apply safe renames and, per <cpu>, the first offered fix that leaves the file clean (smallest change first), in place.")
    boolean fix;

    @Option(names = "--force", description = "With --fix: also rewrite read-only files.")
    boolean force;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto", description = "auto, always or never.")
    String color;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Domain XML files or directories.")
    List<Path> paths;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Severity threshold = Severity.parse(severity);
        if (threshold == null || threshold == Severity.OFF || threshold == Severity.HINT) {
            err.println("virtcpu: --severity must be error, warning or info");
            return 2;
        }
        if (!Reports.FORMATS.contains(format)) {
            err.println("virtcpu: --format must be " + String.join(", ", Reports.FORMATS.subList(0, Reports.FORMATS.size() - 1))
                    + " or " + Reports.FORMATS.get(Reports.FORMATS.size() - 1));
            return 2;
        }
        Project project = new Project();
        Path base = Path.of("").toAbsolutePath();
        if (config != null) {
            if (!Files.isRegularFile(config)) {
                err.println("virtcpu: configuration file not found: " + config);
                return 2;
            }
            Config c = new Workspace().loadConfig(config);
            if (!c.problems.isEmpty()) return configError(err, c);
            project.forceConfig(c);
        }
        if (hosts != null && !hosts.isEmpty()) {
            Config c = new Config();
            c.dir = base;
            java.util.List<Config.HostSource> sources = new java.util.ArrayList<>();
            for (String g : hosts) {
                try {
                    if (dev.virtcpu.hosts.Globs.expand(base, g, false).isEmpty()) {
                        err.println("virtcpu: --hosts " + g + " matches no host file");
                        return 2;
                    }
                } catch (dev.virtcpu.hosts.Globs.GlobException e) {
                    err.println("virtcpu: --hosts: " + dev.virtcpu.analysis.Printable.escape(e.getMessage()));
                    return 2;
                } catch (IOException | RuntimeException e) {
                    err.println("virtcpu: --hosts " + g + ": cannot expand: " + e.getMessage());
                    return 2;
                }
                sources.add(new Config.HostSource(g, null, null, 0, 0));
            }
            c.hostSets.put("hosts", sources);
            c.defaultHostSet = "hosts";
            project.forceConfig(c);
        }
        if (libvirtSchemas != null && !Files.isRegularFile(libvirtSchemas.resolve("domain.rng"))) {
            err.println("virtcpu: no domain.rng in " + libvirtSchemas + " (--libvirt-schemas wants libvirt's schema directory)");
            return 2;
        }
        String release;
        try {
            release = maps.release(err);
            if (maps.cpuMap != null) maps.map(err);
        } catch (CommandSupport.Failure f) {
            return f.status;
        }
        if (libvirtSchemas != null) {
            try {
                dev.virtcpu.analysis.schema.RelaxNgDomainValidator.load(libvirtSchemas);
            } catch (dev.virtcpu.analysis.schema.SchemaLoadException e) {
                err.println("virtcpu: --libvirt-schemas " + libvirtSchemas + ": " + Printable.escape(e.getMessage()));
                return 2;
            }
        }
        project.setSettings(new Project.Settings(hostSet, maps.cpuMap, Map.of(), null, libvirtSchemas));
        project.forceHostSet(hostSet);
        project.forceLibvirt(release);
        Linter.Result result = new Linter(project).lint(paths);
        if (fix) result = applyFixes(project, result, paths, out, err);
        boolean colour = color.equals("always") || (color.equals("auto") && System.console() != null && System.getenv("NO_COLOR") == null);
        String rendered = Reports.render(format, new ReportInput(result, threshold, base), colour, ProductVersion.get());
        out.print(rendered);
        out.flush();
        // A path that does not exist, a file that cannot be read or a configuration that cannot be used
        // is a usage or configuration error even when the other paths were linted.
        boolean missingPath = paths.stream().anyMatch(p -> !Files.exists(p));
        if (missingPath || result.configurationBroken()) {
            if (!format.equals("text")) for (String e : result.errors()) err.println("error: " + Printable.escape(e));
            return 2;
        }
        return result.hasProblems(threshold) ? 1 : 0;
    }

    private Linter.Result applyFixes(Project project, Linter.Result result, List<Path> paths, PrintWriter out, PrintWriter err) {
        boolean changed = false;
        java.util.Set<Path> written = new java.util.HashSet<>();
        for (FileReport r : result.reports()) {
            if (r.hasSyntaxErrors() || !r.file().toString().endsWith(".xml")) continue;
            FixApplier.Applied applied = fixUntilDone(project, r);
            if (applied.titles().isEmpty() || applied.text().equals(r.text())) continue;
            if (XmlParser.parse(applied.text()).problems().size() > 0) {
                err.println("virtcpu: not fixing " + r.file() + ": the fixed text would not be well-formed");
                continue;
            }
            if (!written.add(realPath(r.file()))) continue;
            java.nio.charset.Charset encoding;
            try {
                encoding = dev.virtcpu.cpu.CpuFile.encodingOf(r.file());
            } catch (java.io.IOException e) {
                err.println("virtcpu: not fixing " + r.file() + ": " + e.getMessage());
                continue;
            }
            // Written back in the encoding it was read in (a UTF-16 file stays UTF-16, its byte order mark too).
            FileRewriter.Result w = FileRewriter.rewrite(r.file(), r.text().getBytes(encoding),
                    applied.text().getBytes(encoding), force);
            if (!w.written()) {
                err.println("virtcpu: not fixing " + r.file() + ": " + w.refusal());
                continue;
            }
            changed = true;
            String name = w.target().equals(r.file().toAbsolutePath()) ? r.file().toString() : r.file() + " (" + w.target() + ")";
            (format.equals("text") ? out : err).println("fixed " + name + ": " + String.join("; ", applied.titles()));
        }
        if (!changed) return result;
        project.workspace().invalidateAll();
        return new Linter(project).lint(paths);
    }

    /** Rounds of fixes; findings are capped per file, so a file with more fixable problems needs several. */
    private static final int MAX_FIX_ROUNDS = 100;

    private static FixApplier.Applied fixUntilDone(Project project, FileReport r) {
        FixApplier.Applied applied = FixApplier.applySafe(r.text(), r.findings());
        java.util.LinkedHashSet<String> titles = new java.util.LinkedHashSet<>(applied.titles());
        String text = applied.text();
        String before = r.text();
        for (int round = 1; round < MAX_FIX_ROUNDS && !text.equals(before); round++) {
            before = text;
            dev.virtcpu.xml.XmlDocument doc = XmlParser.parse(text);
            if (!doc.problems().isEmpty()) break;
            Project.Resolution res = project.resolve(r.file().toAbsolutePath(), doc);
            FixApplier.Applied next = FixApplier.applySafe(text, dev.virtcpu.analysis.Analyzer.analyze(doc, res.context()).findings());
            titles.addAll(next.titles());
            text = next.text();
        }
        return new FixApplier.Applied(text, new java.util.ArrayList<>(titles));
    }

    private static Path realPath(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    private static int configError(PrintWriter err, Config c) {
        for (Problem p : c.problems) err.println("virtcpu: " + c.file + ": " + p.message());
        return 2;
    }

}
