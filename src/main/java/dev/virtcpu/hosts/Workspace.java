package dev.virtcpu.hosts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the configuration for a file (the nearest {@code .virtcpu.json} in its directory or an
 * ancestor, else the fallback given by editor settings) and loads host sets, caching both and
 * reloading them when any of their files change.
 */
public final class Workspace {
    private static final long RECHECK_MILLIS = 1000;

    private final Map<Path, Cached<Config>> configs = new ConcurrentHashMap<>();
    private final Map<String, Cached<HostSet>> hostSets = new ConcurrentHashMap<>();
    private volatile Config fallback;
    private final ReadAhead readAhead = new ReadAhead();

    private static final class Cached<T> {
        final T value;
        final Map<Path, FileTime> stamps;
        volatile long checkedAt;

        Cached(T value, Map<Path, FileTime> stamps) {
            this.value = value;
            this.stamps = stamps;
            this.checkedAt = System.currentTimeMillis();
        }

        boolean fresh() {
            long now = System.currentTimeMillis();
            if (now - checkedAt < RECHECK_MILLIS) return true;
            for (Map.Entry<Path, FileTime> e : stamps.entrySet()) {
                if (!java.util.Objects.equals(stamp(e.getKey()), e.getValue())) return false;
            }
            checkedAt = now;
            return true;
        }
    }

    /**
     * The text of a file just read for another purpose, for a host set that lists it to use instead of
     * reading it again (until {@link #forgetOfferedTexts}); small files only, up to a total.
     */
    public void offerText(Path file, String text) {
        readAhead.offer(file.toAbsolutePath().normalize(), text);
    }

    public void forgetOfferedTexts() {
        readAhead.clear();
    }

    /** Editor settings used when no {@code .virtcpu.json} applies (paths relative to {@code dir}). */
    public void setFallback(Config config) {
        this.fallback = config;
        hostSets.keySet().removeIf(k -> k.startsWith("\0fallback"));
    }

    /** Forget everything derived from this file (a watched file changed). */
    public void invalidate(Path changed) {
        Path p = changed.toAbsolutePath().normalize();
        configs.remove(p);
        configs.values().removeIf(c -> c.stamps.containsKey(p));
        hostSets.values().removeIf(c -> c.stamps.containsKey(p) || c.value.configFile() != null && c.value.configFile().equals(p));
        if (p.getFileName() != null && p.getFileName().toString().equals(Config.FILE_NAME)) {
            configs.clear();
            hostSets.clear();
        }
    }

    public void invalidateAll() {
        configs.clear();
        hostSets.clear();
    }

    /** The configuration governing a file, or the fallback (may be null). */
    public Config configFor(Path file) {
        if (file != null) {
            Path dir = file.toAbsolutePath().normalize().getParent();
            while (dir != null) {
                Path candidate = dir.resolve(Config.FILE_NAME);
                Cached<Config> c = configs.get(candidate);
                if (c != null && c.fresh()) return c.value;
                if (Files.isRegularFile(candidate)) return loadConfig(candidate);
                dir = dir.getParent();
            }
        }
        return fallback;
    }

    public Config loadConfig(Path file) {
        Path p = file.toAbsolutePath().normalize();
        Cached<Config> c = configs.get(p);
        if (c != null && c.fresh()) return c.value;
        String text;
        Config config;
        try {
            long size = Files.size(p);
            if (size > Json.MAX_CHARS) throw new IOException("the file is " + size + " bytes, over the limit of " + Json.MAX_CHARS);
            text = Files.readString(p, StandardCharsets.UTF_8);
            config = ConfigLoader.parse(p, text);
        } catch (IOException | java.io.UncheckedIOException e) {
            config = new Config();
            config.file = p;
            config.dir = p.getParent();
            config.problems.add(new Problem(p, 0, 0, "config-unreadable", "cannot read " + p + ": " + e.getMessage()));
        }
        Map<Path, FileTime> stamps = new HashMap<>();
        stamps.put(p, stamp(p));
        configs.put(p, new Cached<>(config, stamps));
        return config;
    }

    /** The named host set of a configuration, loaded from its files (null if the set is not defined). */
    public HostSet hostSet(Config config, String name) {
        if (config == null || name == null || !config.hostSets.containsKey(name)) return null;
        String key = (config.file == null ? "\0fallback" : config.file.toString()) + "\0" + name;
        Cached<HostSet> c = hostSets.get(key);
        if (c != null && c.fresh()) return c.value;
        Map<Path, FileTime> stamps = new HashMap<>();
        if (config.file != null) stamps.put(config.file, stamp(config.file));
        List<Host> hosts = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Path dir = config.dir == null ? Path.of("").toAbsolutePath() : config.dir;
        Map<Path, FileTime> modified = new HashMap<>();
        for (Config.HostSource src : config.hostSets.get(name)) {
            List<Path> files = new ArrayList<>();
            boolean confined = config.file != null;
            if (src.file() != null) {
                try {
                    if (confined) Globs.confine(src.file());
                    files.add(dir.resolve(src.file()).normalize());
                } catch (Globs.GlobException | java.nio.file.InvalidPathException e) {
                    problems.add(new Problem(config.file, src.start(), src.end(), "host-set-file", e.getMessage()));
                    continue;
                }
            } else {
                try {
                    files.addAll(Globs.expand(dir, src.glob(), confined, modified));
                } catch (Globs.GlobException e) {
                    problems.add(new Problem(config.file, src.start(), src.end(), "host-set-glob", e.getMessage()));
                    continue;
                } catch (IOException | RuntimeException e) {
                    problems.add(new Problem(config.file, src.start(), src.end(), "host-set-glob", "cannot expand \""
                            + src.glob() + "\": " + e.getMessage()));
                }
                if (files.isEmpty()) {
                    problems.add(new Problem(config.file, src.start(), src.end(), "host-set-empty-glob",
                            "\"" + src.glob() + "\" matches no host file (relative to " + dir + ")"));
                }
            }
            // Files are read and parsed in parallel (a set of thousands of files is mostly I/O), kept in order.
            List<HostFileReader.Result> read = (files.size() > 64 ? files.parallelStream() : files.stream())
                    .map(f -> readHostFile(f, src.name())).toList();
            for (int i = 0; i < files.size(); i++) {
                FileTime walked = modified.get(files.get(i));
                stamps.put(files.get(i), walked != null ? walked : stamp(files.get(i)));
                hosts.addAll(read.get(i).hosts());
                problems.addAll(read.get(i).problems());
            }
        }
        if (config.file != null) stamps.put(dir, stamp(dir));
        HostSet set = new HostSet(name, config.file, hosts, problems);
        hostSets.put(key, new Cached<>(set, stamps));
        return set;
    }

    private HostFileReader.Result readHostFile(Path file, String name) {
        String text = readAhead.take(file);
        return text != null ? HostFileReader.fromText(file, name, text) : HostFileReader.read(file, name);
    }

    private static FileTime stamp(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return null;
        }
    }
}
