package dev.virtcpu.hosts;

import dev.virtcpu.model.X86Level;

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

    /**
     * Files matching {@code pattern} (relative to the config directory) use {@code hostSet} and/or
     * need {@code minimumLevel} (either may be null, not both).
     */
    public record FileMapping(String pattern, String hostSet, X86Level minimumLevel) {
        public FileMapping(String pattern, String hostSet) {
            this(pattern, hostSet, null);
        }
    }

    public Path file;
    public Path dir;
    public final Map<String, List<HostSource>> hostSets = new LinkedHashMap<>();
    public String defaultHostSet;
    public final List<FileMapping> files = new ArrayList<>();
    public final List<String> ignore = new ArrayList<>();
    public Path cpuMap;
    /** The target libvirt release ({@code "libvirt": "9.0.0"}), or null for the default. */
    public String libvirt;
    /** Per host set target releases ({@code "hostSets": {"old": {"libvirt": "9.0.0", "hosts": […]}}}). */
    public final Map<String, String> hostSetLibvirt = new LinkedHashMap<>();
    /** The x86-64 level every domain needs ({@code "minimumLevel"}), or null. */
    public X86Level minimumLevel;
    /** Where {@code cpuMap} is written in the file (start, end), to report a map that cannot be loaded. */
    public int[] cpuMapAt;
    public Path libvirtSchemas;
    public int[] libvirtSchemasAt;
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
        for (FileMapping m : matching(domainFile)) {
            if (m.hostSet() != null) return m.hostSet();
        }
        return null;
    }

    /** The x86-64 level the first matching {@code files} entry that says one asks for, else the top level's. */
    public X86Level minimumLevelFor(Path domainFile) {
        for (FileMapping m : matching(domainFile)) {
            if (m.minimumLevel() != null) return m.minimumLevel();
        }
        return minimumLevel;
    }

    /** The target libvirt release of a host set: its own, else the top level's (null: the default). */
    public String libvirtFor(String hostSet) {
        String own = hostSet == null ? null : hostSetLibvirt.get(hostSet);
        return own != null ? own : libvirt;
    }

    private List<FileMapping> matching(Path domainFile) {
        if (domainFile == null || dir == null || files.isEmpty()) return List.of();
        Path rel;
        try {
            rel = dir.relativize(domainFile.toAbsolutePath().normalize());
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        List<FileMapping> out = new ArrayList<>();
        for (FileMapping m : files) {
            if (Globs.matches(m.pattern(), rel)) out.add(m);
        }
        return out;
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
