package dev.virtcpu.analysis;

import dev.virtcpu.hosts.Config;
import dev.virtcpu.hosts.HostSet;
import dev.virtcpu.hosts.Problem;
import dev.virtcpu.xml.LineMap;
import dev.virtcpu.xml.XmlDocument;
import dev.virtcpu.xml.XmlParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Lints files and directories: every {@code *.xml} whose root is {@code <domain>} is analysed with the
 * same code path as the editor; other XML is skipped and counted; problems in configuration and host
 * files are reported in those files.
 */
public final class Linter {
    /** Everything one lint run found. */
    public record Result(List<FileReport> reports, int filesChecked, int filesSkipped, int hostsInSets,
                         List<String> errors) {
        /**
         * Whether the run could not check what it was asked to as configured: a file or option that
         * could not be read or used, or an error in a configuration file (exit status 2 in lint).
         */
        public boolean configurationBroken() {
            if (!errors.isEmpty()) return true;
            for (FileReport r : reports) {
                for (Finding f : r.findings()) {
                    if (f.code().equals(Codes.CONFIG_PROBLEM) && f.severity() == Severity.ERROR) return true;
                }
            }
            return false;
        }

        /**
         * Whether a finding at or above the threshold is a problem (exit status 1 in lint). Summaries
         * such as "runs on N of M hosts" are information about a clean file, not problems: they are
         * shown at --severity info but never fail a run.
         */
        public boolean hasProblems(Severity threshold) {
            for (FileReport r : reports) {
                for (Finding f : r.findings()) {
                    if (f.severity().atLeast(threshold) && !Codes.isSummary(f.code())) return true;
                }
            }
            return false;
        }
    }

    private final Project project;

    public Linter(Project project) {
        this.project = project;
    }

    public Result lint(List<Path> paths) {
        List<String> errors = new ArrayList<>();
        TreeSet<Path> files = collect(paths, errors);
        // Every file is read before any domain is analysed, so host files among them are read once.
        List<Read> reads = read(files);
        Map<Path, FileReport> reports = new LinkedHashMap<>();
        SideFindings sideFindings = new SideFindings();
        Map<String, HostSet> sets = new LinkedHashMap<>();
        int checked = 0;
        int skipped = 0;
        for (Read read : reads) {
            if (read.error() != null) {
                errors.add(read.error());
                continue;
            }
            if (read.domain() == null) {
                skipped++;
                continue;
            }
            checked++;
            Path f = read.file();
            XmlDocument doc = XmlParser.parse(read.domain());
            Project.Resolution r = project.resolve(f.toAbsolutePath(), doc);
            DocumentAnalysis a = Analyzer.analyze(doc, r.context());
            reports.put(f, new FileReport(f, read.domain(), doc.lines(), a.findings(), !doc.problems().isEmpty()));
            if (r.config() != null) {
                for (Problem p : r.config().problems) sideFindings.add(p, Codes.CONFIG_PROBLEM, r.context());
            }
            for (Problem p : r.configProblems()) sideFindings.add(p, Codes.CONFIG_PROBLEM, r.context());
            if (r.problem() != null && !errors.contains(r.problem())) errors.add(r.problem());
            HostSet set = r.context().hostSet();
            if (set != null && sets.putIfAbsent(set.configFile() + "\0" + set.name(), set) == null) {
                for (Problem p : set.problems()) sideFindings.add(p, p.file() != null && p.file().equals(set.configFile())
                        ? Codes.CONFIG_PROBLEM : Codes.HOST_FILE_PROBLEM, r.context());
            }
        }
        project.workspace().forgetOfferedTexts();
        for (Path f : sideFindings.files()) {
            String text = "";
            try {
                text = dev.virtcpu.cpu.CpuFile.readText(f, f.toString());
            } catch (dev.virtcpu.cpu.InputException | RuntimeException ignored) {
                // reported through the finding itself
            }
            FileReport existing = reports.get(f);
            List<Finding> all = new ArrayList<>(existing == null ? List.of() : existing.findings());
            all.addAll(sideFindings.findings(f));
            reports.put(f, new FileReport(f, text, new LineMap(text), all, false));
        }
        int hosts = 0;
        for (HostSet s : sets.values()) hosts += s.hosts().size();
        return new Result(new ArrayList<>(reports.values()), checked, skipped, hosts, errors);
    }

    /** The files the paths name (directories walked), each once, in path order. */
    private TreeSet<Path> collect(List<Path> paths, List<String> errors) {
        DistinctFiles distinct = new DistinctFiles();
        Map<Path, Config> configByDirectory = new HashMap<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try {
                    collect(p, distinct, configByDirectory);
                } catch (IOException | java.io.UncheckedIOException e) {
                    errors.add("cannot walk " + p + ": " + e.getMessage());
                }
            } else if (Files.isRegularFile(p)) {
                distinct.add(p, fileKey(p));
            } else {
                errors.add("no such file or directory: " + p);
            }
        }
        return distinct.sorted();
    }

    /** A file read: a domain's text, or neither text nor error for other XML, or why it could not be read. */
    private record Read(Path file, String domain, String error) {
    }

    /**
     * Reads each file and tells domains from other XML by the root element's name alone. The text of
     * other XML (host files among it) is offered to the workspace: a host set listing the file need
     * not read it again.
     */
    private List<Read> read(TreeSet<Path> files) {
        List<Read> reads = new ArrayList<>(files.size());
        for (Path f : files) {
            String text;
            try {
                text = dev.virtcpu.cpu.CpuFile.readText(f, f.toString());
            } catch (dev.virtcpu.cpu.InputException e) {
                reads.add(new Read(f, null, e.getMessage()));
                continue;
            }
            if ("domain".equals(XmlParser.rootElementName(text))) {
                reads.add(new Read(f, text, null));
            } else {
                project.workspace().offerText(f, text);
                reads.add(new Read(f, null, null));
            }
        }
        return reads;
    }

    /**
     * The {@code *.xml} files below a directory (links to files followed, to directories not) that no
     * ignore glob excludes. The walk's own attributes say what each entry is, and the configuration is
     * looked up once per directory: a tree of thousands of files costs no more system calls than it must.
     */
    private void collect(Path dir, DistinctFiles distinct, Map<Path, Config> configByDirectory) throws IOException {
        Map<Path, Object> keys = new HashMap<>();
        try (Stream<Path> s = Files.find(dir, Integer.MAX_VALUE, (f, attrs) -> isXmlFile(f, attrs, keys))) {
            s.filter(f -> !isIgnored(f, configByDirectory)).forEach(f -> distinct.add(f, keys.remove(f)));
        }
    }

    /** A regular file (or a link to one) named {@code *.xml}; its file key goes into {@code keys}. */
    private static boolean isXmlFile(Path f, BasicFileAttributes attrs, Map<Path, Object> keys) {
        if (!f.toString().endsWith(".xml")) return false;
        if (attrs.isRegularFile()) {
            keys.put(f, attrs.fileKey());
            return true;
        }
        if (!attrs.isSymbolicLink()) return false;
        try {
            BasicFileAttributes target = Files.readAttributes(f, BasicFileAttributes.class);
            if (!target.isRegularFile()) return false;
            keys.put(f, target.fileKey());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Object fileKey(Path f) {
        try {
            return Files.readAttributes(f, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    private boolean isIgnored(Path f, Map<Path, Config> configByDirectory) {
        Path dir = f.getParent();
        Config c = configByDirectory.get(dir);
        if (c == null && !configByDirectory.containsKey(dir)) {
            c = project.configFor(f.toAbsolutePath());
            configByDirectory.put(dir, c);
        }
        return c != null && c.isIgnored(f);
    }

}
