package dev.virtcpu.analysis;

import dev.virtcpu.hosts.Config;
import dev.virtcpu.hosts.HostSet;
import dev.virtcpu.hosts.Problem;
import dev.virtcpu.xml.LineMap;
import dev.virtcpu.xml.XmlDocument;
import dev.virtcpu.xml.XmlElement;
import dev.virtcpu.xml.XmlParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    }

    private final Project project;

    public Linter(Project project) {
        this.project = project;
    }

    public Result lint(List<Path> paths) {
        List<String> errors = new ArrayList<>();
        TreeSet<Path> files = new TreeSet<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".xml"))
                            .filter(f -> !isIgnored(f))
                            .forEach(f -> files.add(f.normalize()));
                } catch (IOException | java.io.UncheckedIOException e) {
                    errors.add("cannot walk " + p + ": " + e.getMessage());
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p.normalize());
            } else {
                errors.add("no such file or directory: " + p);
            }
        }
        Map<Path, FileReport> reports = new LinkedHashMap<>();
        Map<Path, List<Finding>> sideFindings = new LinkedHashMap<>();
        Map<String, HostSet> sets = new LinkedHashMap<>();
        int checked = 0;
        int skipped = 0;
        for (Path f : files) {
            String text;
            try {
                text = dev.virtcpu.cpu.CpuFile.readText(f, f.toString());
            } catch (dev.virtcpu.cpu.InputException e) {
                errors.add(e.getMessage());
                continue;
            }
            XmlDocument doc = XmlParser.parse(text);
            XmlElement root = doc.rootElement();
            if (root == null || !root.name().equals("domain")) {
                skipped++;
                continue;
            }
            checked++;
            Project.Resolution r = project.resolve(f.toAbsolutePath(), doc);
            DocumentAnalysis a = Analyzer.analyze(doc, r.context());
            reports.put(f, new FileReport(f, text, doc.lines(), a.findings(), !doc.problems().isEmpty()));
            if (r.config() != null) {
                for (Problem p : r.config().problems) side(sideFindings, p, Codes.CONFIG_PROBLEM);
            }
            HostSet set = r.context().hostSet();
            if (set != null) {
                sets.putIfAbsent(set.configFile() + "\0" + set.name(), set);
                for (Problem p : set.problems()) side(sideFindings, p, p.file() != null && p.file().equals(set.configFile())
                        ? Codes.CONFIG_PROBLEM : Codes.HOST_FILE_PROBLEM);
            }
        }
        for (Map.Entry<Path, List<Finding>> e : sideFindings.entrySet()) {
            Path f = e.getKey();
            String text = "";
            try {
                text = Files.readString(f, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException ignored) {
                // reported through the finding itself
            }
            FileReport existing = reports.get(f);
            List<Finding> all = new ArrayList<>(existing == null ? List.of() : existing.findings());
            all.addAll(e.getValue());
            reports.put(f, new FileReport(f, text, new LineMap(text), all, false));
        }
        int hosts = 0;
        for (HostSet s : sets.values()) hosts += s.hosts().size();
        return new Result(new ArrayList<>(reports.values()), checked, skipped, hosts, errors);
    }

    private boolean isIgnored(Path f) {
        Config c = project.configFor(f.toAbsolutePath());
        return c != null && c.isIgnored(f.toAbsolutePath());
    }

    private static void side(Map<Path, List<Finding>> out, Problem p, String code) {
        if (p.file() == null) return;
        List<Finding> list = out.computeIfAbsent(p.file(), k -> new ArrayList<>());
        Finding f = new Finding(code, Codes.defaultSeverity(code), p.start(), Math.max(p.end(), p.start()), p.message(),
                List.of(), List.of());
        if (!list.contains(f)) list.add(f);
    }
}
