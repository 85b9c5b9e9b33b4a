package dev.virtcpu.lint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.virtcpu.lint.Fixtures.DOMAINS;
import static dev.virtcpu.lint.LintRun.lint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --format github}: one GitHub Actions workflow command per finding. */
class LintGithubFormatTest {

    private static final String DOMAIN_START = "<domain type='kvm'>\n<name>x</name>\n<cpu mode='custom' match='exact'>\n";
    private static final String DOMAIN_END = "</cpu>\n</domain>\n";

    @Test
    void anErrorIsAnErrorCommandWithFileLineColumnAndRange() {
        assertEquals(List.of("::error file=" + DOMAINS + "/typo.xml,line=9,col=30,endLine=9,endColumn=42,"
                        + "title=virtcpu unknown-model::Unknown CPU model Haswel-noTSX (did you mean Haswell-noTSX?)"),
                lint("--format", "github", DOMAINS + "/typo.xml").lines());
    }

    @Test
    void aWarningIsAWarningCommand() {
        List<String> lines = lint("--format", "github", DOMAINS + "/passthrough.xml").lines();
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).startsWith("::warning file=" + DOMAINS + "/passthrough.xml,line=8,col=4,"), lines::toString);
    }

    @Test
    void anInfoFindingIsANoticeCommand() {
        List<String> lines = lint("--format", "github", "--severity", "info", DOMAINS + "/clean.xml").lines();
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).startsWith("::notice file=" + DOMAINS + "/clean.xml,line=8,col=4,"), lines::toString);
        assertTrue(lines.get(0).endsWith("::runs on 2 of 2 hosts of host set 'prod'; baseline: Haswell-noTSX-IBRS +17 features"));
    }

    @Test
    void noFindingsPrintNothing() {
        assertEquals("", lint("--format", "github", DOMAINS + "/clean.xml").out());
    }

    @Test
    void commaAndColonInTheFilePropertyArePercentEncoded(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("db,prod:2.xml");
        Files.writeString(file, DOMAIN_START + "<model>Haswel-noTSX</model>\n" + DOMAIN_END);
        String line = lint("--format", "github", file.toString()).lines().get(0);
        assertTrue(line.startsWith("::error file=" + dir.toString().replace(":", "%3A").replace(",", "%2C")
                + "/db%2Cprod%3A2.xml,line=4,col=8,"), line);
    }

    @Test
    void percentInTheMessageIsEncoded(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("d.xml");
        Files.writeString(file, DOMAIN_START + "<model>Has%well</model>\n" + DOMAIN_END);
        String line = lint("--format", "github", file.toString()).lines().get(0);
        assertTrue(line.endsWith("::Unknown CPU model Has%25well (did you mean Haswell?)"), line);
    }

    @Test
    void lineBreaksInTheMessageAreEncodedSoEachCommandStaysOnOneLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("d.xml");
        Files.writeString(file, DOMAIN_START + "<model>Haswell</model>\n"
                + "<feature policy='require' name='a&#13;&#10;b'/>\n" + DOMAIN_END);
        List<String> lines = lint("--format", "github", file.toString()).lines();
        assertTrue(lines.stream().anyMatch(l -> l.endsWith("::Unknown CPU feature a\\x0D\\x0Ab")), lines::toString);
        assertTrue(lines.stream().allMatch(l -> l.startsWith("::")), lines::toString);
    }

    @Test
    void colonsInTheMessageAreKept() {
        String line = lint("--format", "github", DOMAINS + "/too-new.xml").lines().get(0);
        assertTrue(line.endsWith("::CPU model Skylake-Server-IBRS needs 14 features that kvm-prod-04 lacks: hle, rtm, avx512f, "
                + "avx512dq, rdseed, adx, smap, clwb, … (runs on 1 of 2 hosts of host set 'prod')"), line);
    }
}
