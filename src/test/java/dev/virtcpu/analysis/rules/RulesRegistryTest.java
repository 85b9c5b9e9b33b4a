package dev.virtcpu.analysis.rules;

import dev.virtcpu.analysis.Codes;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registry lists each code once, every code emitted through {@link Codes} has a rule, and every rule explains itself. */
class RulesRegistryTest {
    @Test
    void everyCodeConstantHasARule() throws IllegalAccessException {
        for (Field f : Codes.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != String.class) continue;
            String code = (String) f.get(null);
            assertNotNull(Rules.byCode(code), "Codes." + f.getName() + " = " + code + " has no rule in Rules.ALL");
        }
    }

    @Test
    void codesAreUniqueAndLowerCaseWithDashes() {
        Set<String> seen = new HashSet<>();
        for (Rule r : Rules.ALL) {
            assertTrue(seen.add(r.code()), "twice: " + r.code());
            assertTrue(r.code().matches("[a-z0-9]+(-[a-z0-9]+)*"), r.code());
        }
    }

    @Test
    void everyRuleHasAOneLineSummaryAndAParagraphOfRationale() {
        List<String> problems = new ArrayList<>();
        for (Rule r : Rules.ALL) {
            if (r.summary().isBlank() || r.summary().contains("\n")) problems.add(r.code() + ": summary must be one line");
            if (r.rationale().length() < 80) problems.add(r.code() + ": rationale too short");
            if (r.rationale().contains("\n")) problems.add(r.code() + ": rationale must be one paragraph");
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aCodeWithoutRuleDefaultsToError() {
        assertEquals(dev.virtcpu.analysis.Severity.ERROR, Rules.defaultSeverity("no-such-code"));
        assertFalse(Rules.ALL.isEmpty());
    }
}
