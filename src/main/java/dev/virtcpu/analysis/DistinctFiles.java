package dev.virtcpu.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The files of a lint run in path order, each once however it was named (as given, through a
 * directory, by another path or a link): two names are one file when their real paths are. A real
 * path costs a system call per path component, so it is computed only for a name that shares its file
 * key (device and inode) with an earlier one, such as a link or a hard link, or whose key is unknown.
 */
final class DistinctFiles {
    private final TreeSet<Path> files = new TreeSet<>();
    private final Map<Object, List<Path>> namesByKey = new HashMap<>();
    private final Map<Path, Path> realPaths = new HashMap<>();

    /** @param fileKey the file key of what {@code f} names (links followed), or null when unknown */
    void add(Path f, Object fileKey) {
        Object key = fileKey != null ? fileKey : realPath(f);
        List<Path> names = namesByKey.get(key);
        if (names == null) {
            names = new ArrayList<>(1);
            namesByKey.put(key, names);
        } else {
            Path real = realPath(f);
            for (Path other : names) {
                if (realPath(other).equals(real)) return;
            }
        }
        names.add(f);
        files.add(f.normalize());
    }

    TreeSet<Path> sorted() {
        return files;
    }

    private Path realPath(Path f) {
        return realPaths.computeIfAbsent(f, DistinctFiles::resolveReal);
    }

    private static Path resolveReal(Path f) {
        try {
            return f.toRealPath();
        } catch (IOException e) {
            return f.toAbsolutePath().normalize();
        }
    }
}
