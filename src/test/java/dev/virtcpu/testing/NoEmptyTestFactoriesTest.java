package dev.virtcpu.testing;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NoEmptyTestFactoriesTest {
    @Test
    void anEmptyStreamFailsNamingTheFactory() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> NoEmptyTestFactories.nonEmpty(Stream.empty(), "SomeTest.cases"));
        assertTrue(e.getMessage().contains("SomeTest.cases yields no tests"), e.getMessage());
    }

    @Test
    void anEmptyListFails() {
        assertThrows(AssertionError.class, () -> NoEmptyTestFactories.nonEmpty(List.of(), "SomeTest.cases"));
    }

    @Test
    void aNonEmptyStreamIsPassedOnWhole() {
        Stream<String> out = NoEmptyTestFactories.nonEmpty(Stream.of("a", "b"), "SomeTest.cases");
        assertEquals(List.of("a", "b"), out.toList());
    }

    @Test
    void ciMeansSetAndNotFalse() {
        assertTrue(Prerequisites.isCi("true"));
        assertTrue(Prerequisites.isCi("1"));
        assertFalse(Prerequisites.isCi(null));
        assertFalse(Prerequisites.isCi(""));
        assertFalse(Prerequisites.isCi("false"));
        assertFalse(Prerequisites.isCi("FALSE"));
        assertFalse(Prerequisites.isCi("0"));
    }
}
