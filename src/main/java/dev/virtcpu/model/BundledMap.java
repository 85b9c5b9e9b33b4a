package dev.virtcpu.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The CPU map shipped inside virtcpu (imported from libvirt's cpu_map), and map selection. */
public final class BundledMap {
    public static final String RESOURCE = "/dev/virtcpu/model/bundled-cpu-map.tsv";
    private static volatile CpuMap bundled;

    private BundledMap() {
    }

    public static CpuMap get() {
        CpuMap m = bundled;
        if (m == null) {
            synchronized (BundledMap.class) {
                if (bundled == null) bundled = load();
                m = bundled;
            }
        }
        return m;
    }

    private static final java.util.Map<Path, CpuMap> DIRECTORIES = new java.util.concurrent.ConcurrentHashMap<>();

    /** The bundled map, or the libvirt cpu_map directory given (null: bundled); directories are loaded once. */
    public static CpuMap select(Path cpuMapDir) throws MapLoadException {
        if (cpuMapDir == null) return get();
        Path key = cpuMapDir.toAbsolutePath().normalize();
        CpuMap cached = DIRECTORIES.get(key);
        if (cached != null) return cached;
        CpuMap loaded = CpuMapLoader.load(cpuMapDir);
        DIRECTORIES.put(key, loaded);
        return loaded;
    }

    private static CpuMap load() {
        try (InputStream in = BundledMap.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("bundled CPU map " + RESOURCE + " is missing from the jar");
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return CompactMapFormat.read(text, "bundled map");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MapLoadException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
