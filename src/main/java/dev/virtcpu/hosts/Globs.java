package dev.virtcpu.hosts;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Globs relative to a base directory: {@code *} and {@code ?} within one path segment, {@code **} for
 * zero or more directories (so {@code a/**}{@code /*.xml} matches {@code a/x.xml}), {@code {a,b}} and
 * {@code [abc]}/{@code [!abc]}. A glob from a configuration file is confined to the configuration's
 * directory: no absolute path, no {@code ..}, nothing reached through a symbolic link pointing out.
 * Walks never follow directory links (so no loops) and stop after {@link #MAX_VISITED} entries.
 */
public final class Globs {
    /** Directory entries one expansion may visit. */
    public static final int MAX_VISITED = 100_000;
    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    /** A glob that cannot be used, with the reason in the user's terms. */
    public static final class GlobException extends Exception {
        public GlobException(String message) {
            super(message, null, false, false);
        }
    }

    private Globs() {
    }

    /** Whether a relative path matches; a glob that does not compile matches nothing. */
    public static boolean matches(String glob, Path relative) {
        try {
            return compile(glob).matcher(relative.toString().replace('\\', '/')).matches();
        } catch (GlobException e) {
            return false;
        }
    }

    /** Checks a glob's syntax (and, when {@code confined}, that it stays inside its directory). */
    public static void check(String glob, boolean confined) throws GlobException {
        String g = normalize(glob);
        if (confined) confine(g);
        compile(g);
    }

    /** Regular files matching the glob (or the single file it names) relative to {@code base}; sorted. */
    public static List<Path> expand(Path base, String glob, boolean confined) throws IOException, GlobException {
        return expand(base, glob, confined, null);
    }

    /**
     * {@link #expand(Path, String, boolean)}, also putting each file's modification time (links
     * followed) into {@code modified} when not null: the walk has read it already.
     */
    public static List<Path> expand(Path base, String glob, boolean confined, Map<Path, FileTime> modified)
            throws IOException, GlobException {
        String g = normalize(glob);
        if (confined) confine(g);
        Path root = base;
        if (!confined && g.startsWith("/") && base.toAbsolutePath().getRoot() != null) {
            // an absolute glob given on the command line (lint --hosts '/srv/hosts/*.xml')
            root = base.toAbsolutePath().getRoot();
            g = g.substring(1);
        }
        Path inside = confined ? base.toRealPath() : null;
        if (!hasMeta(g)) {
            List<Path> one = new ArrayList<>();
            Path literal = root.resolve(g).normalize();
            BasicFileAttributes attrs = attributes(literal);
            if (attrs != null && attrs.isRegularFile() && within(literal, inside)) {
                one.add(literal);
                if (modified != null) modified.put(literal, attrs.lastModifiedTime());
            }
            return one;
        }
        Pattern pattern = compile(g);
        String[] parts = g.split("/");
        Path start = root;
        int i = 0;
        while (i < parts.length - 1 && !hasMeta(parts[i])) start = start.resolve(parts[i++]);
        if (!Files.isDirectory(start) || !within(start, inside)) return new ArrayList<>();
        int depth = g.contains("**") ? Integer.MAX_VALUE : parts.length - i;
        List<Path> out = walk(root, start, depth, pattern, inside, glob, modified);
        out.sort(null);
        return out;
    }

    private static List<Path> walk(Path root, Path start, int depth, Pattern pattern, Path inside, String glob,
                                   Map<Path, FileTime> modified) throws IOException, GlobException {
        List<Path> out = new ArrayList<>();
        int[] visited = {0};
        IOException[] tooMany = {null};
        BelowRoot below = BelowRoot.of(root, start);
        Files.walkFileTree(start, java.util.EnumSet.noneOf(java.nio.file.FileVisitOption.class), depth,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path p, BasicFileAttributes attrs) {
                        if (++visited[0] > MAX_VISITED) {
                            tooMany[0] = new IOException();
                            return FileVisitResult.TERMINATE;
                        }
                        String rel = below.relative(p);
                        if (!pattern.matcher(rel).matches()) return FileVisitResult.CONTINUE;
                        // Directory links are not followed, so only a file link can lead outside.
                        BasicFileAttributes file = attrs.isSymbolicLink() ? attributes(p) : attrs;
                        if (attrs.isRegularFile() || (file != null && file.isRegularFile() && within(p, inside))) {
                            Path normalized = below.plain() ? p : p.normalize();
                            out.add(normalized);
                            if (modified != null) modified.put(normalized, file.lastModifiedTime());
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path p, IOException e) {
                        return FileVisitResult.CONTINUE;
                    }
                });
        if (tooMany[0] != null) {
            throw new GlobException("\"" + glob + "\" stopped after visiting " + MAX_VISITED + " files: narrow it");
        }
        return out;
    }

    /**
     * Paths a walk from {@code start} finds, relative to {@code root} as globs see them. When neither
     * path has a {@code .} or {@code ..} segment (the usual case), such a path is {@code root}'s text
     * plus a separator plus the relative path, so no {@link Path#relativize} (costly per file) is needed.
     */
    private record BelowRoot(Path root, String prefix, boolean plain) {
        static BelowRoot of(Path root, Path start) {
            String text = root.toString();
            String separator = root.getFileSystem().getSeparator();
            String prefix = text.isEmpty() || text.endsWith(separator) ? text : text + separator;
            return new BelowRoot(root, prefix, root.normalize().equals(root) && start.normalize().equals(start));
        }

        String relative(Path p) {
            String text = p.toString();
            String rel = plain && text.startsWith(prefix) ? text.substring(prefix.length()) : root.relativize(p).toString();
            return rel.replace('\\', '/');
        }
    }

    /** A file's attributes, links followed; null when they cannot be read. */
    private static BasicFileAttributes attributes(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            return null;
        }
    }

    /** True when no confinement applies or the file's real location is inside the directory. */
    private static boolean within(Path file, Path inside) {
        if (inside == null) return true;
        try {
            return file.toRealPath().startsWith(inside);
        } catch (IOException e) {
            return false;
        }
    }

    /** Refuses a path or glob of a configuration file that leaves its directory. */
    public static void confine(String path) throws GlobException {
        String g = normalize(path);
        boolean absolute = g.startsWith("/") || (g.length() > 1 && g.charAt(1) == ':');
        boolean up = ("/" + g + "/").contains("/../");
        if (absolute || up) {
            throw new GlobException("\"" + g + "\" leaves the directory of " + Config.FILE_NAME
                    + ": globs there are relative to it and cannot use '..' or absolute paths "
                    + "(give such files on the command line instead)");
        }
    }

    private static String normalize(String glob) {
        String g = glob.replace('\\', '/');
        while (g.startsWith("./")) g = g.substring(2);
        return g;
    }

    private static boolean hasMeta(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('{') >= 0 || s.indexOf('[') >= 0;
    }

    static Pattern compile(String glob) throws GlobException {
        String g = normalize(glob);
        Pattern p = COMPILED.get(g);
        if (p != null) return p;
        p = Pattern.compile(GlobSyntax.toRegex(g));
        if (COMPILED.size() > 1000) COMPILED.clear();
        COMPILED.put(g, p);
        return p;
    }
}
