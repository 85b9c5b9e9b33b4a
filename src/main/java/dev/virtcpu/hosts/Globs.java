package dev.virtcpu.hosts;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Glob matching relative to a base directory ({@code *}, {@code **}, {@code ?}, {@code {a,b}}). */
public final class Globs {
    private Globs() {
    }

    public static boolean matches(String glob, Path relative) {
        String g = glob.replace('\\', '/');
        if (g.startsWith("./")) g = g.substring(2);
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + g);
        if (m.matches(relative)) return true;
        // "dir/**" also matches files directly in dir; "**/x" also matches x at the top.
        if (g.startsWith("**/")) return FileSystems.getDefault().getPathMatcher("glob:" + g.substring(3)).matches(relative);
        return false;
    }

    /** Regular files matching the glob (or the single file it names) relative to {@code relativeTo}, or absolute; sorted. */
    public static List<Path> expand(Path relativeTo, String glob) throws IOException {
        String g = glob.replace('\\', '/');
        if (g.startsWith("./")) g = g.substring(2);
        Path base = relativeTo;
        if (g.startsWith("/") && relativeTo.toAbsolutePath().getRoot() != null) {
            // an absolute glob (lint --hosts '/srv/hosts/*.xml'): match it from the file system root
            base = relativeTo.toAbsolutePath().getRoot();
            g = g.substring(1);
        }
        Path literal = base.resolve(g);
        if (!hasMeta(g)) {
            List<Path> one = new ArrayList<>();
            if (Files.isRegularFile(literal)) one.add(literal.normalize());
            return one;
        }
        Path root = base;
        String[] parts = g.split("/");
        int i = 0;
        while (i < parts.length - 1 && !hasMeta(parts[i])) root = root.resolve(parts[i++]);
        if (!Files.isDirectory(root)) return new ArrayList<>();
        List<Path> out = new ArrayList<>();
        final Path walkRoot = root;
        final Path matchBase = base;
        final String pattern = g;
        try (Stream<Path> s = Files.walk(walkRoot, pattern.contains("**") ? Integer.MAX_VALUE : parts.length - i)) {
            s.filter(Files::isRegularFile).forEach(p -> {
                if (matches(pattern, matchBase.relativize(p))) out.add(p.normalize());
            });
        }
        out.sort(null);
        return out;
    }

    private static boolean hasMeta(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('{') >= 0 || s.indexOf('[') >= 0;
    }
}
