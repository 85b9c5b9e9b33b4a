package dev.virtcpu.analysis.rules;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** README's "Rules" section is the registry's table; when a rule changes, this test prints the new section. */
class ReadmeRulesSectionTest {
    static final String START = "<!-- rules:start (generated from dev.virtcpu.analysis.rules.Rules; ReadmeRulesSectionTest prints it) -->\n";
    static final String END = "<!-- rules:end -->";

    @Test
    void readmeListsEveryRuleAsTheRegistryDoes() throws IOException {
        String p = System.getProperty("virtcpu.projectDir");
        Path readme = (p == null ? Path.of("") : Path.of(p)).resolve("README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int s = text.indexOf(START);
        int e = text.indexOf(END);
        String expected = START + Rules.markdownTable() + END;
        assertTrue(s >= 0 && e > s, "README.md has no generated rules section; put this where it belongs:\n" + expected);
        String actual = text.substring(s, e + END.length());
        assertEquals(expected, actual, "README.md's rules section is stale; replace it with:\n" + expected);
    }
}
