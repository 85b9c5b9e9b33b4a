package dev.virtcpu.analysis;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class FixApplierTest {
    private static Finding finding(Fix... fixes) {
        return new Finding("duplicate-feature", Severity.ERROR, 0, 1, "m", List.of(), List.of(fixes));
    }

    private static Fix safe(String title, TextEdit... edits) {
        return new Fix(title, List.of(edits), true, true);
    }

    @Test
    void appliesNonOverlappingEditsAndSkipsOverlappingOnes() {
        String text = "0123456789";
        FixApplier.Applied a = FixApplier.applySafe(text, List.of(
                finding(safe("a", new TextEdit(1, 3, "A"))),
                finding(safe("b", new TextEdit(2, 4, "B"))),
                finding(safe("c", new TextEdit(5, 5, "C"))),
                finding(safe("d", new TextEdit(5, 5, "D"))),
                finding(safe("e", new TextEdit(8, 10, "")))));
        assertEquals("0A34C567", a.text());
        assertEquals(List.of("a", "c", "e"), a.titles());
    }

    @Test
    void theSameFixOfSeveralFindingsIsAppliedOnce() {
        Fix f = safe("x", new TextEdit(0, 1, "X"));
        assertEquals("X1", FixApplier.applySafe("01", List.of(finding(f), finding(f))).text());
    }

    @Test
    void unsafeFixesAreLeftAlone() {
        Fix unsafe = new Fix("u", List.of(new TextEdit(0, 1, "U")), true, false);
        assertEquals("01", FixApplier.applySafe("01", List.of(finding(unsafe))).text());
    }

    /** 200 000 removals from a 10 MB text: a pass that is quadratic in edits or text would take hours. */
    @Test
    void manyFixesAreAppliedInOnePass() {
        String line = "    <feature policy='require' name='abm'/>\n";
        int n = 200_000;
        String text = line.repeat(n + 1);
        List<Finding> findings = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            findings.add(finding(safe("Remove this <feature>", new TextEdit(i * line.length(), (i + 1) * line.length(), ""))));
        }
        String fixed = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> FixApplier.applySafe(text, findings).text());
        assertEquals(line, fixed);
    }
}
