package dev.virtcpu.hosts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@code .virtcpu.json} (or the same settings given by an editor): host sets and how files map to them. */
public final class Config {
    public static final String FILE_NAME = ".virtcpu.json";

    /** A host set member: a glob relative to the config directory, or one file with an explicit host name. */
    public record HostSource(String glob, String file, String name, int start, int end) {
    }

    /** Files matching {@code pattern} (relative to the config directory) use {@code hostSet}. */
    public record FileMapping(String pattern, String hostSet) {
    }

    public Path file;
    public Path dir;
    public final Map<String, List<HostSource>> hostSets = new LinkedHashMap<>();
    public String defaultHostSet;
    public final List<FileMapping> files = new ArrayList<>();
    public final List<String> ignore = new ArrayList<>();
    public Path cpuMap;
    public Path libvirtSchemas;
    public final Map<String, String> severity = new LinkedHashMap<>();
    public boolean migratable = true;
    public final List<Problem> problems = new ArrayList<>();

    /** The host set for a file: an explicit file mapping first, else the default. */
    public String hostSetFor(Path domainFile) {
        String mapped = mappedHostSet(domainFile);
        return mapped != null ? mapped : defaultHostSet;
    }

    /** The host set a {@code files} pattern assigns to the file, or null. */
    public String mappedHostSet(Path domainFile) {
        if (domainFile != null && dir != null) {
            Path rel;
            try {
                rel = dir.relativize(domainFile.toAbsolutePath().normalize());
            } catch (IllegalArgumentException e) {
                rel = null;
            }
            if (rel != null) {
                for (FileMapping m : files) {
                    if (Globs.matches(m.pattern(), rel)) return m.hostSet();
                }
            }
        }
        return null;
    }

    public boolean isIgnored(Path file) {
        if (dir == null || ignore.isEmpty()) return false;
        Path rel;
        try {
            rel = dir.relativize(file.toAbsolutePath().normalize());
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (String g : ignore) {
            if (Globs.matches(g, rel)) return true;
        }
        return false;
    }
}
