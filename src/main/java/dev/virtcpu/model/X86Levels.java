package dev.virtcpu.model;

import java.util.ArrayList;
import java.util.List;

/** Which x86-64 micro-architecture level a set of feature bits guarantees. */
public final class X86Levels {
    private X86Levels() {
    }

    /**
     * The level a CPU with these features reaches: the highest level whose features (and those of
     * every level below) it has, or null when it lacks some of x86-64-v1's; and what the next level
     * up would still need.
     */
    public record Reached(X86Level level, X86Level next, List<String> missingForNext) {
        public boolean atLeast(X86Level wanted) {
            return level != null && level.compareTo(wanted) >= 0;
        }

        /** {@code x86-64-v2}, or {@code below x86-64-v1}. */
        public String label() {
            return level == null ? "below " + X86Level.V1.label() : level.label();
        }
    }

    public static Reached reached(ArchMap map, FeatureSet features) {
        X86Level reached = null;
        for (X86Level l : X86Level.values()) {
            List<String> missing = missing(map, features, l);
            if (!missing.isEmpty()) return new Reached(reached, l, missingOwn(map, features, l));
            reached = l;
        }
        return new Reached(reached, null, List.of());
    }

    /**
     * The features of {@code level} and the levels below that the set lacks, in level order (a
     * feature the map does not define counts as lacking).
     */
    public static List<String> missing(ArchMap map, FeatureSet features, X86Level level) {
        List<String> out = new ArrayList<>();
        for (String name : level.required()) addIfMissing(map, features, name, out);
        return out;
    }

    private static List<String> missingOwn(ArchMap map, FeatureSet features, X86Level level) {
        List<String> out = new ArrayList<>();
        for (String name : level.added()) addIfMissing(map, features, name, out);
        return out;
    }

    private static void addIfMissing(ArchMap map, FeatureSet features, String name, List<String> out) {
        Feature f = map.feature(name);
        if (f == null || !features.contains(f.index())) out.add(name);
    }
}
