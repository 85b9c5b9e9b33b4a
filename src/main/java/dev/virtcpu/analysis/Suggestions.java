package dev.virtcpu.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean" candidates: case-insensitive edit distance, closest first. */
public final class Suggestions {
    private Suggestions() {
    }

    private record Scored(int distance, String name) {
    }

    private static final Comparator<Scored> CLOSEST_FIRST =
            Comparator.comparingInt(Scored::distance).thenComparing(Scored::name);

    public static List<String> closest(String wrong, Collection<String> names, int max) {
        String w = wrong.toLowerCase(Locale.ROOT);
        int limit = Math.max(1, Math.min(3, w.length() / 3));
        List<Scored> scored = new ArrayList<>();
        for (String n : names) {
            // The edit distance is at least the difference in length: most names need no comparison.
            if (Math.abs(n.length() - w.length()) > limit) continue;
            int d = distanceAtMost(w, n, limit);
            if (d <= limit) scored.add(new Scored(d, n));
        }
        scored.sort(CLOSEST_FIRST);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < scored.size() && i < max; i++) out.add(scored.get(i).name());
        return out;
    }

    static int distance(String a, String b) {
        return distanceAtMost(a.toLowerCase(Locale.ROOT), b, Math.max(a.length(), b.length()));
    }

    /**
     * Case-insensitive Levenshtein distance of {@code lower} (already lower case) and {@code other}, or
     * {@code limit + 1} as soon as it is certain to exceed {@code limit}: only the diagonal band of width
     * {@code 2 * limit + 1} can stay within the limit, and a row whose every cell is over it ends the work.
     */
    static int distanceAtMost(String lower, String other, int limit) {
        int n = lower.length();
        int m = other.length();
        if (Math.abs(n - m) > limit) return limit + 1;
        int over = limit + 1;
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) prev[j] = Math.min(j, over);
        for (int i = 1; i <= n; i++) {
            int from = Math.max(1, i - limit);
            int to = Math.min(m, i + limit);
            cur[0] = Math.min(i, over);
            if (from > 1) cur[from - 1] = over;
            int rowMin = cur[0];
            char a = lower.charAt(i - 1);
            for (int j = from; j <= to; j++) {
                int cost = a == Character.toLowerCase(other.charAt(j - 1)) ? 0 : 1;
                int v = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                cur[j] = Math.min(v, over);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (to < m) cur[to + 1] = over;
            if (rowMin > limit) return over;
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[m], over);
    }
}
