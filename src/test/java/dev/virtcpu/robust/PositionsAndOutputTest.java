package dev.virtcpu.robust;

import dev.virtcpu.analysis.AnalysisContext;
import dev.virtcpu.analysis.Analyzer;
import dev.virtcpu.analysis.Finding;
import dev.virtcpu.cli.CliRun;
import dev.virtcpu.model.BundledMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Positions under every line ending, byte order mark and encoding; no raw control character reaches any report. */
class PositionsAndOutputTest {
    private static final String[] LINES = {"<domain type='kvm'>", "  <name>vm</name>", "  <cpu mode='custom'>",
            "    <model>Skylakex</model>", "  </cpu>", "</domain>", ""};

    @ParameterizedTest(name = "{0} {1} bom={2}")
    @CsvSource({"LF, UTF-8, false", "CRLF, UTF-8, false", "CR, UTF-8, false", "LF, UTF-8, true", "CRLF, UTF-8, true",
            "CR, UTF-8, true", "LF, UTF-16LE, true", "CRLF, UTF-16BE, true", "CR, UTF-16LE, true"})
    void theUnknownModelIsReportedAtLine4Column12(String ending, String encoding, boolean bom, @TempDir Path dir) throws IOException {
        String eol = switch (ending) {
            case "CRLF" -> "\r\n";
            case "CR" -> "\r";
            default -> "\n";
        };
        String text = (bom ? "\uFEFF" : "") + String.join(eol, LINES);
        Path file = dir.resolve("vm.xml");
        Files.write(file, text.getBytes(Charset.forName(encoding)));
        CliRun run = CliRun.of("lint", "--format", "text", file.toString());
        assertTrue(run.out().contains("vm.xml:4:12: error unknown-model: Unknown CPU model Skylakex"), run::toString);
        CliRun github = CliRun.of("lint", "--format", "github", file.toString());
        assertTrue(github.out().contains(",line=4,col=12,endLine=4,endColumn=20,"), github::toString);
    }

    @Test
    void controlCharactersFromTheInputNeverReachAReportRaw(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("evil\u001b[2Jname.xml");
        Files.writeString(file, "<domain type='kvm'>\n<cpu mode='custom'>\n<model>Sky&#x9;lake\u001b[31m\u0007\n"
                + "vm.xml:1:1: error forged: finding</model>\n<feature policy='require' name='a\u202Eb'/>\n</cpu>\n</domain>\n");
        for (String format : List.of("text", "json", "sarif", "github", "codequality", "junit")) {
            CliRun run = CliRun.of("lint", "--format", format, dir.toString());
            String all = run.out() + run.err();
            for (char c : new char[]{'\u001b', '\u0007', '\u202E', '\u0000'}) {
                assertFalse(all.indexOf(c) >= 0, () -> format + " printed U+" + Integer.toHexString(c) + " raw:\n" + all);
            }
            assertEquals(1, run.exit(), format);
            if (format.equals("text")) {
                assertTrue(run.out().contains("evil\\x1B[2Jname.xml:"), run::toString);
                assertTrue(run.out().contains("Unknown CPU model Sky\\x09lake\\x1B[31m\\x07\\x0Avm.xml:1:1: error forged"), run::toString);
                assertFalse(run.out().lines().anyMatch(l -> l.startsWith("vm.xml:1:1: error forged")), run::toString);
            }
        }
    }

    @Test
    void nulOutsideCpuIsAFindingAtItsPlace(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("vm.xml");
        Files.writeString(file, "<domain type='kvm'>\n  <name>v\u0000m</name>\n  <cpu mode='host-passthrough'/>\n</domain>\n");
        CliRun run = CliRun.of("lint", "--format", "text", file.toString());
        assertEquals(1, run.exit());
        assertTrue(run.out().contains("vm.xml:2:10: error xml-syntax: Character U+0000 is not allowed in XML"), run::toString);
    }

    @Test
    void aReferenceToAControlCharacterIsRefusedLikeTheCharacter() {
        List<String> m = messages("<domain><name>&#27;&#0;&#x7;</name></domain>");
        assertEquals(3, m.stream().filter(x -> x.startsWith("Undefined entity '&#")).count(), m::toString);
    }

    @Test
    void xincludeInsideCpuIsNoUnboundPrefix() {
        List<String> m = messages("<domain type='kvm' xmlns:xi='http://www.w3.org/2001/XInclude'>\n<cpu mode='custom' match='exact'>\n"
                + "<model>Skylake-Client</model>\n<xi:include href='features.xml'/>\n</cpu>\n</domain>\n");
        assertFalse(m.stream().anyMatch(x -> x.contains("not bound")), m::toString);
        assertTrue(m.contains("<cpu> has no child element <xi:include> (expected model, vendor, topology, cache, maxphysaddr, feature or numa)"),
                m::toString);
    }

    private static List<String> messages(String text) {
        return Analyzer.analyze(text, new AnalysisContext(BundledMap.get(), null, null, true, Map.of())).findings().stream()
                .map(Finding::message).toList();
    }
}
