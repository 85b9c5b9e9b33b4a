package dev.virtcpu.analysis;

import dev.virtcpu.analysis.rules.Rules;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each rule's fixtures ({@link RuleFixtures}): the findings of the rule, with their fixes, are the
 * expected ones, and applying the first fix gives the expected text byte for byte.
 */
class RuleFixtureTest {

    @TestFactory
    List<DynamicTest> findingsAndFixesAreTheExpectedOnes() {
        List<DynamicTest> tests = new ArrayList<>();
        for (RuleFixtures.Case c : RuleFixtures.cases()) {
            tests.add(DynamicTest.dynamicTest(c.toString(), () -> {
                assertNotNull(Rules.byCode(c.code()), "the fixture directory names no rule: " + c.code());
                DocumentAnalysis a = RuleFixtures.analyze(c);
                assertEquals(String.join("\n", RuleFixtures.expected(c)), String.join("\n", RuleFixtures.describe(c, a)), c.toString());
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> theFirstFixGivesTheExpectedText() {
        List<DynamicTest> tests = new ArrayList<>();
        for (RuleFixtures.Case c : RuleFixtures.cases()) {
            if (!Files.exists(c.out())) continue;
            tests.add(DynamicTest.dynamicTest(c.toString(), () -> {
                String text = Fixtures.read(c.xml());
                Fix fix = RuleFixtures.firstFix(c, RuleFixtures.analyze(c));
                assertNotNull(fix, "no fix offered in " + c);
                assertEquals(Fixtures.read(c.out()), QuickFixFixtureTest.apply(text, fix), c + " after '" + fix.title() + "'");
            }));
        }
        assertTrue(!tests.isEmpty(), "no rule fixture has an .out.xml");
        return tests;
    }
}
