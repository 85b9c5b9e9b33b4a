package dev.virtcpu.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CPU maps shipped inside virtcpu, one per libvirt release (imported from the cpu_map of
 * Debian's packages: bullseye 7.0.0, bookworm 9.0.0, trixie 11.3.0, sid 12.8.0), and map selection:
 * by release, or any libvirt cpu_map directory.
 */
public final class BundledMap {
    /** The bundled releases, oldest first. */
    public static final List<String> VERSIONS = List.of("7.0.0", "9.0.0", "11.3.0", "12.8.0");
    /** The release used when none is chosen. */
    public static final String DEFAULT_VERSION = "12.8.0";

    private static final Map<String, CpuMap> BUNDLED = new ConcurrentHashMap<>();
    private static final Map<String, CpuMap> DIRECTORIES = new ConcurrentHashMap<>();

    private BundledMap() {
    }

    /** The resource holding release {@code version}'s map in the compact format. */
    public static String resource(String version) {
        return "/dev/virtcpu/model/cpu-map-" + version + ".tsv";
    }

    /** The default release's map. */
    public static CpuMap get() {
        return BUNDLED.computeIfAbsent(DEFAULT_VERSION, BundledMap::load);
    }

    /** The bundled map of a libvirt release ({@code 9.0.0}, also written {@code 9.0}). */
    public static CpuMap get(String version) throws MapLoadException {
        return BUNDLED.computeIfAbsent(bundledVersion(version), BundledMap::load);
    }

    /** The bundled release a version text names, or a MapLoadException listing the bundled ones. */
    public static String bundledVersion(String version) throws MapLoadException {
        LibvirtVersion v = LibvirtVersion.parse(version);
        if (v != null && VERSIONS.contains(v.toString())) return v.toString();
        throw new MapLoadException("libvirt " + version + " is not bundled (bundled: " + String.join(", ", VERSIONS)
                + "); give its cpu_map directory instead (cpuMap, --cpu-map)");
    }

    /** The bundled map, or the libvirt cpu_map directory given (null: bundled); directories are loaded once. */
    public static CpuMap select(Path cpuMapDir) throws MapLoadException {
        return select(null, cpuMapDir);
    }

    /**
     * The map for a target release and/or a cpu_map directory: the directory (read with that
     * release's loading rules) when given, else the bundled map of the release (null: the default).
     */
    public static CpuMap select(String version, Path cpuMapDir) throws MapLoadException {
        if (cpuMapDir == null) return version == null ? get() : get(version);
        String release = version == null ? null : checkedVersion(version);
        Path key = cpuMapDir.toAbsolutePath().normalize();
        String cacheKey = key + "\n" + release;
        CpuMap cached = DIRECTORIES.get(cacheKey);
        if (cached != null) return cached;
        CpuMap loaded = CpuMapLoader.load(cpuMapDir, release);
        DIRECTORIES.put(cacheKey, loaded);
        return loaded;
    }

    private static String checkedVersion(String version) throws MapLoadException {
        LibvirtVersion v = LibvirtVersion.parse(version);
        if (v == null) throw new MapLoadException("'" + version + "' is not a libvirt version (expected e.g. 9.0.0)");
        return v.toString();
    }

    private static CpuMap load(String version) {
        String resource = resource(version);
        try (InputStream in = BundledMap.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("bundled CPU map " + resource + " is missing from the jar");
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return CompactMapFormat.read(text, "bundled map of libvirt " + version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MapLoadException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
