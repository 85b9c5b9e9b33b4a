package dev.virtcpu.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the bundled maps tell about when names appeared: for each model and feature, the first
 * bundled libvirt release whose map has it ("since libvirt 11.3.0" means: not in 9.0.0, the bundled
 * release before it, but in 11.3.0).
 */
public final class MapHistory {
    private static volatile MapHistory bundled;

    private final List<String> versions;
    private final Map<String, String> modelSince = new HashMap<>();
    private final Map<String, String> featureSince = new HashMap<>();

    private MapHistory(List<String> versions, List<CpuMap> maps) {
        this.versions = List.copyOf(versions);
        for (int i = 0; i < maps.size(); i++) {
            String version = versions.get(i);
            for (ArchMap arch : maps.get(i).arches().values()) {
                for (Model m : arch.models()) modelSince.putIfAbsent(key(arch.name(), m.name()), version);
                for (Feature f : arch.features()) featureSince.putIfAbsent(key(arch.name(), f.name()), version);
            }
        }
    }

    /** The history of the bundled maps (loads each of them once). */
    public static MapHistory bundled() {
        MapHistory h = bundled;
        if (h == null) {
            synchronized (MapHistory.class) {
                if (bundled == null) {
                    List<CpuMap> maps = new java.util.ArrayList<>();
                    for (String v : BundledMap.VERSIONS) {
                        try {
                            maps.add(BundledMap.get(v));
                        } catch (MapLoadException e) {
                            throw new IllegalStateException(e.getMessage(), e);
                        }
                    }
                    bundled = new MapHistory(BundledMap.VERSIONS, maps);
                }
                h = bundled;
            }
        }
        return h;
    }

    /** The releases the history covers, oldest first. */
    public List<String> versions() { return versions; }

    /** The first bundled release whose map has the model, or null when none has it. */
    public String modelSince(String arch, String model) {
        return modelSince.get(key(arch, model));
    }

    /** The first bundled release whose map has the feature, or null when none has it. */
    public String featureSince(String arch, String feature) {
        return featureSince.get(key(arch, feature));
    }

    /** The bundled release just before {@code version}, or null for the oldest. */
    public String previous(String version) {
        int i = versions.indexOf(version);
        return i <= 0 ? null : versions.get(i - 1);
    }

    private static String key(String arch, String name) {
        return arch + "\n" + name;
    }
}
