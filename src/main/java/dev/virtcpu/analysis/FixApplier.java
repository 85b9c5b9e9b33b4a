package dev.virtcpu.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies the safe fixes of an analysis to its text: non-overlapping edits only, the chosen rung of each
 * {@code <cpu>}'s host-set fix ladder (the first that leaves it clean) before the others. Linear
 * in the text and (up to a log factor) in the number of edits, so a file with thousands of fixes is
 * fixed in one pass.
 */
public final class FixApplier {
    /** The new text and the titles of the fixes applied. */
    public record Applied(String text, List<String> titles) {
    }

    private FixApplier() {
    }

    public static Applied applySafe(String text, List<Finding> findings) {
        LinkedHashSet<Fix> unique = new LinkedHashSet<>();
        for (Finding f : findings) {
            for (Fix fix : f.fixes()) {
                if (fix.safe()) unique.add(fix);
            }
        }
        List<Fix> fixes = new ArrayList<>(unique);
        // A ladder rung may span the whole <cpu>; it goes before the edits inside it (a stable sort).
        fixes.sort(Comparator.comparing((Fix f) -> f.rung() == 0));
        TreeMap<Integer, Integer> taken = new TreeMap<>();
        List<TextEdit> chosen = new ArrayList<>();
        LinkedHashSet<String> titles = new LinkedHashSet<>();
        for (Fix fix : fixes) {
            if (fix.edits().stream().anyMatch(e -> overlaps(taken, e))) continue;
            for (TextEdit e : fix.edits()) taken.merge(e.start(), e.end(), Math::max);
            chosen.addAll(fix.edits());
            titles.add(fix.title());
        }
        return new Applied(apply(text, chosen), new ArrayList<>(titles));
    }

    /** Whether an edit touches a chosen one (two inserts at the same place count as touching). */
    private static boolean overlaps(TreeMap<Integer, Integer> taken, TextEdit e) {
        Map.Entry<Integer, Integer> before = taken.floorEntry(e.start());
        if (before != null && (before.getKey() == e.start() || before.getValue() > e.start())) return true;
        Map.Entry<Integer, Integer> after = taken.ceilingEntry(e.start());
        return after != null && (after.getKey() == e.start() || after.getKey() < e.end());
    }

    /** One forward pass; of two edits at the same offset the later one's text comes first. */
    private static String apply(String text, List<TextEdit> edits) {
        List<Integer> order = new ArrayList<>(edits.size());
        for (int i = 0; i < edits.size(); i++) order.add(i);
        order.sort(Comparator.comparingInt((Integer i) -> edits.get(i).start()).thenComparing(Comparator.reverseOrder()));
        StringBuilder sb = new StringBuilder(text.length() + 64);
        int pos = 0;
        for (int i : order) {
            TextEdit e = edits.get(i);
            if (e.start() > pos) sb.append(text, pos, e.start());
            sb.append(e.text());
            pos = Math.max(pos, e.end());
        }
        return sb.append(text, Math.min(pos, text.length()), text.length()).toString();
    }

}
