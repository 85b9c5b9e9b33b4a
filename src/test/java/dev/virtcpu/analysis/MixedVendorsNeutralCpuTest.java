package dev.virtcpu.analysis;

import dev.virtcpu.xml.XmlDocument;
import dev.virtcpu.xml.XmlParser;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The vendor-neutral CPU that mixed-vendors offers runs on every host of the mixed set. */
class MixedVendorsNeutralCpuTest {
    @Test
    void theOfferedCpuRunsOnEveryHostOfTheMixedSet() {
        Path xml = RuleFixtures.root().resolve("mixed-vendors/intel-model-on-a-mixed-set.xml");
        String text = Fixtures.read(xml);
        DocumentAnalysis before = analyze(xml, text);
        Fix fix = RuleFixtures.firstFix(new RuleFixtures.Case("mixed-vendors", xml), before);
        assertNotNull(fix);
        DocumentAnalysis after = analyze(xml, QuickFixFixtureTest.apply(text, fix));
        List<String> hostFindings = after.findings().stream().filter(f -> f.code().startsWith("host-") || f.code().equals("mixed-vendors"))
                .map(f -> f.code() + ": " + f.message()).toList();
        assertEquals(List.of("host-set-summary: runs on 2 of 2 hosts of host set 'pool'"), hostFindings);
    }

    private static DocumentAnalysis analyze(Path file, String text) {
        XmlDocument doc = XmlParser.parse(text);
        return Analyzer.analyze(doc, new Project().resolve(file, doc).context());
    }
}
