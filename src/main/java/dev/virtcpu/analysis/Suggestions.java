package dev.virtcpu.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** "Did you mean" candidates: case-insensitive edit distance, closest first. */
public final class Suggestions {
    private Suggestions() {
    }

    public static List<String> closest(String wrong, Collection<String> names, int max) {
        String w = wrong.toLowerCase(Locale.ROOT);
        int limit = Math.max(1, Math.min(3, w.length() / 3));
        List<Object[]> scored = new ArrayList<>();
        for (String n : names) {
            // The edit distance is at least the difference in length: most names need no comparison.
            if (Math.abs(n.length() - w.length()) > limit) continue;
            int d = distance(w, n.toLowerCase(Locale.ROOT));
            if (d <= limit) scored.add(new Object[]{d, n});
        }
        scored.sort((a, b) -> (Integer) a[0] != (int) (Integer) b[0] ? Integer.compare((Integer) a[0], (Integer) b[0])
                : ((String) a[1]).compareTo((String) b[1]));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < scored.size() && i < max; i++) out.add((String) scored.get(i)[1]);
        return out;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
