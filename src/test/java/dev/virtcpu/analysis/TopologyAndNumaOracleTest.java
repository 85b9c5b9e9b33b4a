package dev.virtcpu.analysis;

import dev.virtcpu.model.BundledMap;
import dev.virtcpu.xml.XmlParser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * topology-mismatch and numa-cells against what libvirt said (src/test/resources/oracle/define,
 * recorded by .ci/oracle-define.sh): with libvirt 9.0.0 as the target, a domain the QEMU driver
 * refused has an error finding that quotes libvirt's message, one it defined has none, and vCPUs it
 * added to cell 0 when starting the guest are the ones the warning names. With 12.8.0 as the target
 * the NUMA verdicts are the 12.8.0 test driver's (it does not judge topology).
 */
class TopologyAndNumaOracleTest {
    private static final Path DIR = Fixtures.projectDir().resolve("src/test/resources/oracle/define");
    private static final Pattern LIBVIRT_ERROR = Pattern.compile("^error: (?:XML error|internal error|unsupported configuration): (.*)$",
            Pattern.MULTILINE);

    @TestFactory
    List<DynamicTest> qemuDriver900Verdicts() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path xml : cases()) {
            tests.add(DynamicTest.dynamicTest(name(xml), () -> {
                List<Finding> errors = errors(xml, "9.0.0");
                assertVerdict(xml, "qemu-9.0.0", errors);
                Path start = xml.resolveSibling(name(xml) + ".qemu-9.0.0.start.txt");
                if (Files.exists(start) && Files.readString(xml).contains("<numa>")) assertCellZeroAdditions(xml, Files.readString(start), all(xml, "9.0.0"));
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> testDriver1280NumaVerdicts() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path xml : cases()) {
            if (!name(xml).startsWith("numa-")) continue;
            tests.add(DynamicTest.dynamicTest(name(xml), () -> assertVerdict(xml, "test-12.8.0", errors(xml, "12.8.0"))));
        }
        return tests;
    }

    private static void assertVerdict(Path xml, String oracle, List<Finding> errors) throws IOException {
        String recorded = Files.readString(xml.resolveSibling(name(xml) + "." + oracle + ".txt"));
        Matcher m = LIBVIRT_ERROR.matcher(recorded);
        if (recorded.contains("\nexit 0\n")) {
            assertEquals(List.of(), errors.stream().map(Finding::message).toList(), name(xml) + ": " + oracle + " defined it");
        } else {
            assertTrue(m.find(), "no libvirt error in " + oracle + " of " + name(xml));
            String libvirt = m.group(1);
            assertTrue(errors.stream().anyMatch(f -> f.message().contains(libvirt)),
                    name(xml) + ": " + oracle + " said '" + libvirt + "'; virtcpu: " + errors.stream().map(Finding::message).toList());
        }
    }

    /** The vCPUs libvirt added to node 0 (its -numa arguments minus cell 0's cpus) are the ones the warning names. */
    private static void assertCellZeroAdditions(Path xml, String start, List<Finding> findings) throws IOException {
        Matcher node0 = Pattern.compile("node,nodeid=0,((?:cpus=[0-9,-]+,)+)").matcher(start);
        assertTrue(node0.find(), start);
        BitSet given = new BitSet();
        for (String part : node0.group(1).split("cpus=")) if (!part.isEmpty()) given.or(bitmap(part.replaceAll(",$", "")));
        Matcher cell0 = Pattern.compile("<cell id='0' cpus='([^']*)'").matcher(Files.readString(xml));
        BitSet written = cell0.find() ? bitmap(cell0.group(1)) : new BitSet();
        given.andNot(written);
        List<String> warnings = findings.stream().filter(f -> f.code().equals("numa-cells") && f.severity() == Severity.WARNING)
                .map(Finding::message).toList();
        if (given.isEmpty()) {
            assertEquals(List.of(), warnings, name(xml));
        } else {
            assertEquals(1, warnings.size(), name(xml) + ": " + warnings);
            String listed = given.toString().replaceAll("[{} ]", "");
            assertTrue(warnings.get(0).matches("vCPUs? " + Pattern.quote(listed) + " of .*"), warnings.get(0) + " vs " + listed);
        }
    }

    private static BitSet bitmap(String s) {
        BitSet b = new BitSet();
        for (String item : s.split(",")) {
            String[] r = item.split("-");
            b.set(Integer.parseInt(r[0]), Integer.parseInt(r[r.length - 1]) + 1);
        }
        return b;
    }

    private static List<Finding> errors(Path xml, String release) throws IOException {
        return all(xml, release).stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    private static List<Finding> all(Path xml, String release) throws IOException {
        AnalysisContext ctx;
        try {
            ctx = new AnalysisContext(BundledMap.get(release), null, null, true, Map.of());
        } catch (dev.virtcpu.model.MapLoadException e) {
            throw new AssertionError(e);
        }
        return Analyzer.analyze(XmlParser.parse(Files.readString(xml)), ctx).findings().stream()
                .filter(f -> f.code().equals("topology-mismatch") || f.code().equals("numa-cells")).toList();
    }

    private static List<Path> cases() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
    }

    private static String name(Path xml) {
        String f = xml.getFileName().toString();
        return f.substring(0, f.length() - 4);
    }
}
