package dev.virtcpu.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Applies the safe fixes of an analysis to its text: non-overlapping edits only, baseline first. */
public final class FixApplier {
    /** The new text and the titles of the fixes applied. */
    public record Applied(String text, List<String> titles) {
    }

    private FixApplier() {
    }

    public static Applied applySafe(String text, List<Finding> findings) {
        List<Fix> fixes = new ArrayList<>();
        for (Finding f : findings) {
            for (Fix fix : f.fixes()) {
                if (fix.safe() && !fixes.contains(fix)) fixes.add(fix);
            }
        }
        // The baseline replacement spans the whole <cpu>; prefer it over edits inside it.
        fixes.sort(Comparator.comparing((Fix f) -> !f.title().startsWith("Replace CPU with baseline")));
        List<TextEdit> chosen = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (Fix fix : fixes) {
            boolean overlaps = false;
            for (TextEdit e : fix.edits()) {
                for (TextEdit c : chosen) {
                    if (e.start() < c.end() && c.start() < e.end() || e.start() == c.start()) overlaps = true;
                }
            }
            if (overlaps) continue;
            chosen.addAll(fix.edits());
            if (!titles.contains(fix.title())) titles.add(fix.title());
        }
        chosen.sort(Comparator.comparingInt(TextEdit::start).reversed());
        StringBuilder sb = new StringBuilder(text);
        for (TextEdit e : chosen) sb.replace(e.start(), e.end(), e.text());
        return new Applied(sb.toString(), titles);
    }
}
