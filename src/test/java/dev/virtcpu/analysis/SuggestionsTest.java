package dev.virtcpu.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SuggestionsTest {

    /** The textbook dynamic programme, case-insensitive: the reference the bounded one must agree with. */
    private static int reference(String a, String b) {
        a = a.toLowerCase(Locale.ROOT);
        b = b.toLowerCase(Locale.ROOT);
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
            }
        }
        return d[a.length()][b.length()];
    }

    @Test
    void boundedDistanceIsTheEditDistanceOrOneOverTheLimit() {
        long seed = new Random().nextLong();
        Random r = new Random(seed);
        for (int n = 0; n < 20_000; n++) {
            String a = word(r);
            String b = r.nextInt(3) == 0 ? mutate(r, a) : word(r);
            int limit = r.nextInt(5);
            int expected = Math.min(reference(a, b), limit + 1);
            assertEquals(expected, Suggestions.distanceAtMost(a.toLowerCase(Locale.ROOT), b, limit),
                    "seed " + seed + ": '" + a + "' vs '" + b + "' within " + limit);
            assertEquals(reference(a, b), Suggestions.distance(a, b), "seed " + seed);
        }
    }

    @Test
    void closestNamesComeFirstThenAlphabetically() {
        assertEquals(List.of("sse4.1", "sse4.2"), Suggestions.closest("sse4_1", List.of("sse4.2", "ssse3", "sse4.1", "avx"), 3));
        assertEquals(List.of("Haswell-noTSX"), Suggestions.closest("Haswel-NoTSX", List.of("Haswell-noTSX", "Broadwell"), 3));
    }

    private static String word(Random r) {
        StringBuilder sb = new StringBuilder();
        int len = r.nextInt(10);
        for (int i = 0; i < len; i++) sb.append("abcAB-._".charAt(r.nextInt(8)));
        return sb.toString();
    }

    private static String mutate(Random r, String s) {
        StringBuilder sb = new StringBuilder(s);
        for (int k = r.nextInt(4); k > 0; k--) {
            int op = r.nextInt(3);
            int at = sb.length() == 0 ? 0 : r.nextInt(sb.length());
            if (op == 0) sb.insert(at, 'x');
            else if (op == 1 && sb.length() > 0) sb.deleteCharAt(at);
            else if (sb.length() > 0) sb.setCharAt(at, 'y');
        }
        return sb.toString();
    }
}
