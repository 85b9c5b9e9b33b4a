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
    private final List<CpuMap> maps;
    private final Map<String, String> modelSince = new HashMap<>();
    private final Map<String, String> featureSince = new HashMap<>();

    private MapHistory(List<String> versions, List<CpuMap> maps) {
        this.versions = List.copyOf(versions);
        this.maps = List.copyOf(maps);
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

    /**
     * The model of {@code target} that stands for the same CPU as {@code model} of a bundled map: the
     * model a versioned alias names (Haswell-v4 → Haswell-noTSX-IBRS), or else a model of the same
     * vendor with exactly the same features. Null when there is none (or {@code target} knows the name).
     */
    public String equivalentModel(ArchMap target, String model) {
        if (target.model(model) != null) return null;
        for (int i = maps.size() - 1; i >= 0; i--) {
            ArchMap source = maps.get(i).arch(target.name());
            Model m = source == null ? null : source.model(model);
            if (m == null) continue;
            if (m.aliasOf() != null && target.model(m.aliasOf()) != null) return m.aliasOf();
            java.util.Set<String> names = featureNames(source, m.data());
            for (Model t : target.models()) {
                if (sameVendor(m, t) && t.data().size() == m.data().size() && names.equals(featureNames(target, t.data()))) return t.name();
            }
            return null;
        }
        return null;
    }

    /**
     * The feature of {@code target} on the CPUID/MSR bit that {@code feature} has in a bundled map,
     * when the target names it differently; null otherwise.
     */
    public String equivalentFeature(ArchMap target, String feature) {
        if (target.feature(feature) != null) return null;
        for (int i = maps.size() - 1; i >= 0; i--) {
            ArchMap source = maps.get(i).arch(target.name());
            Feature f = source == null ? null : source.feature(feature);
            if (f == null || !f.hasLocation()) continue;
            for (Feature t : target.features()) {
                if (f.register().equals(t.register()) && f.bit() == t.bit()) return t.name();
            }
            return null;
        }
        return null;
    }

    private static boolean sameVendor(Model a, Model b) {
        String va = a.vendor() == null ? null : a.vendor().name();
        String vb = b.vendor() == null ? null : b.vendor().name();
        return java.util.Objects.equals(va, vb);
    }

    private static java.util.Set<String> featureNames(ArchMap map, FeatureSet data) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (int i = data.nextSet(0); i >= 0; i = data.nextSet(i + 1)) out.add(map.feature(i).name());
        return out;
    }

    private static String key(String arch, String name) {
        return arch + "\n" + name;
    }
}
