package dev.virtcpu.lint;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;

import static dev.virtcpu.lint.JsonSchemas.parse;
import static dev.virtcpu.lint.LintRun.lint;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code lint --fix} on many generated domains: only the bytes of the {@code <cpu>} element change,
 * the children it keeps are copied byte for byte, the result passes the host set, line endings are
 * the file's own, broken XML is left alone and no temporary file is left behind.
 * <p>
 * The seed is random and printed; rerun a failure with {@code -Dvirtcpu.lint.seed=N}, and add
 * {@code -Dvirtcpu.lint.dir=DIR} (a new directory) to keep the generated files for inspection.
 */
class LintFixPropertyTest {
    private static final int DOMAINS = 240;
    private static final FileTime OLD = FileTime.from(Instant.parse("2020-01-02T03:04:05Z"));

    private static final String[] MODELS = {"Skylake-Server-IBRS", "Cascadelake-Server", "Icelake-Server",
            "Skylake-Client-IBRS", "Haswell-noTSX-IBRS", "Broadwell-noTSX-IBRS", "SandyBridge", "IvyBridge"};
    private static final String[] FEATURES = {"avx512f", "avx512vnni", "pku", "invtsc", "pdpe1gb", "md-clear", "sha-ni",
            "la57", "vmx", "rdrand", "abm", "hle", "rtm", "ibpb", "avx512ifma", "umip"};
    private static final String[] POLICIES = {"require", "require", "require", "force", "disable", "forbid", "optional"};

    private static long seed;
    private static Path dir;
    private static final Map<Path, Generated> generated = new LinkedHashMap<>();
    private static final Map<Path, byte[]> originalBytes = new LinkedHashMap<>();
    private static final Map<Path, Boolean> hadHostFindings = new LinkedHashMap<>();
    private static LintRun fixRun;

    /** A generated domain: the text before {@code <cpu}, the cpu element, the text after {@code </cpu>}. */
    record Generated(String before, String cpu, String after, List<String> keptChildren, String newline,
                     boolean syntaxError) {
        String text() { return before + cpu + after; }
    }

    @BeforeAll
    static void generateAndFix(@TempDir Path tmp) throws IOException {
        seed = Long.getLong("virtcpu.lint.seed", new Random().nextLong());
        System.out.println("LintFixPropertyTest seed: " + seed + " (rerun with -Dvirtcpu.lint.seed=" + seed + ")");
        Random random = new Random(seed);
        String keep = System.getProperty("virtcpu.lint.dir");
        if (keep != null) tmp = Files.createDirectories(Path.of(keep).toAbsolutePath());
        dir = Fixtures.copy(Fixtures.WORKSPACE + "/hosts/prod", tmp.resolve("hosts"));
        Files.writeString(tmp.resolve(".virtcpu.json"), "{\"hostSets\": {\"prod\": [\"hosts/*.xml\"]}, \"defaultHostSet\": \"prod\"}\n");
        dir = Files.createDirectories(tmp.resolve("domains"));
        for (int i = 0; i < DOMAINS; i++) {
            Generated g = generate(random, i);
            Path file = dir.resolve(String.format("vm-%03d.xml", i));
            byte[] bytes = g.text().getBytes(StandardCharsets.UTF_8);
            Files.write(file, bytes);
            Files.setLastModifiedTime(file, OLD);
            generated.put(file, g);
            originalBytes.put(file, bytes);
        }
        for (JsonNode f : parse(lint("--format", "json", dir.toString()).out()).get("files")) {
            hadHostFindings.put(Path.of(f.get("path").asText()), !hostCodes(f).isEmpty());
        }
        fixRun = lint("--fix", dir.toString());
    }

    private static List<String> hostCodes(JsonNode file) {
        List<String> codes = new ArrayList<>();
        for (JsonNode finding : file.get("findings")) {
            String code = finding.get("code").asText();
            // The host-set checks (nested-virt is host-missing-feature for vmx/svm; optional-migration and
            // migration-blocker judge the pool): what lint --fix's host-set fixes are for.
            if (dev.virtcpu.analysis.FixCheck.HOST_CODES.contains(code) && !code.equals("host-set-summary")) codes.add(code);
        }
        return codes;
    }

    private static String context(Path file) {
        return "seed " + seed + ", " + file.getFileName() + ":\n" + generated.get(file).text();
    }

    private static String now(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Path> wellFormed() {
        return generated.entrySet().stream().filter(e -> !e.getValue().syntaxError()).map(Map.Entry::getKey).toList();
    }

    // ----- properties

    @Test
    void mostGeneratedDomainsNeededAFixAndGotOne() throws IOException {
        int needed = 0;
        int rewritten = 0;
        for (Path f : wellFormed()) {
            if (hadHostFindings.getOrDefault(f, false)) needed++;
            if (!now(f).equals(generated.get(f).text())) rewritten++;
        }
        assertTrue(needed >= DOMAINS / 2, "seed " + seed + ": only " + needed + " domains had host findings");
        assertEquals(needed, rewritten, "seed " + seed);
    }

    @Test
    void bytesBeforeAndAfterTheCpuElementAreUnchanged() throws IOException {
        for (Path f : wellFormed()) {
            Generated g = generated.get(f);
            String text = now(f);
            assertTrue(text.startsWith(g.before()), () -> "text before <cpu changed; " + context(f) + "\n--- now:\n" + now(f));
            assertTrue(text.endsWith(g.after()), () -> "text after </cpu> changed; " + context(f) + "\n--- now:\n" + now(f));
        }
    }

    @Test
    void theNewCpuElementKeepsTopologyCacheNumaAndCommentsByteForByte() throws IOException {
        for (Path f : wellFormed()) {
            Generated g = generated.get(f);
            String text = now(f);
            String cpu = text.substring(g.before().length(), text.length() - g.after().length());
            assertTrue(cpu.startsWith("<cpu") && cpu.endsWith("</cpu>"), () -> context(f) + "\n--- now:\n" + text);
            for (String kept : g.keptChildren()) {
                assertTrue(cpu.contains(kept), () -> "lost " + kept + "; " + context(f) + "\n--- now:\n" + text);
            }
        }
    }

    @Test
    void lintingAgainFindsNothingThatAHostOfTheSetCannotRun() {
        JsonNode report = parse(lint("--format", "json", "--severity", "info", dir.toString()).out());
        for (JsonNode file : report.get("files")) {
            Path f = Path.of(file.get("path").asText());
            if (generated.get(f).syntaxError()) continue;
            assertEquals(List.of(), hostCodes(file), () -> context(f));
        }
    }

    @Test
    void theFileKeepsItsLineEndings() throws IOException {
        for (Path f : wellFormed()) {
            String text = now(f);
            String nl = generated.get(f).newline();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c != '\r' && c != '\n') continue;
                String lineBreak = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? "\r\n" : String.valueOf(c);
                int at = i;
                assertEquals(nl, lineBreak, () -> "mixed line endings at offset " + at + "; " + context(f) + "\n--- now:\n" + text);
                i += lineBreak.length() - 1;
            }
        }
    }

    @Test
    void aFileWithAnXmlSyntaxErrorIsNeverRewritten() throws IOException {
        int broken = 0;
        for (Map.Entry<Path, Generated> e : generated.entrySet()) {
            if (!e.getValue().syntaxError()) continue;
            broken++;
            assertArrayEquals(originalBytes.get(e.getKey()), Files.readAllBytes(e.getKey()), context(e.getKey()));
            assertEquals(OLD, Files.getLastModifiedTime(e.getKey()), context(e.getKey()));
        }
        assertTrue(broken >= 5, "seed " + seed + ": only " + broken + " broken files");
    }

    @Test
    void aFileThatNeedsNoFixKeepsItsBytesAndMtime() throws IOException {
        for (Path f : wellFormed()) {
            if (hadHostFindings.getOrDefault(f, false)) continue;
            assertArrayEquals(originalBytes.get(f), Files.readAllBytes(f), context(f));
            assertEquals(OLD, Files.getLastModifiedTime(f), context(f));
        }
    }

    @Test
    void noTemporaryFileIsLeftInTheDirectory() throws IOException {
        TreeSet<String> names = new TreeSet<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.forEach(p -> names.add(p.getFileName().toString()));
        }
        TreeSet<String> expected = new TreeSet<>();
        generated.keySet().forEach(p -> expected.add(p.getFileName().toString()));
        assertEquals(expected, names);
    }

    @Test
    void everyRewrittenFileIsNamedOnce() {
        long rewritten = wellFormed().stream().filter(f -> hadHostFindings.getOrDefault(f, false)).count();
        long named = fixRun.lines().stream().filter(l -> l.startsWith("fixed ")).count();
        assertEquals(rewritten, named, fixRun::toString);
    }

    // ----- generator

    private static Generated generate(Random r, int index) {
        String nl = switch (r.nextInt(6)) {
            case 0, 1 -> "\r\n";
            case 2 -> "\r";
            default -> "\n";
        };
        String unit = switch (r.nextInt(3)) {
            case 0 -> "\t";
            case 1 -> "    ";
            default -> "  ";
        };
        char q = r.nextBoolean() ? '"' : '\'';
        boolean syntaxError = r.nextInt(12) == 0;
        StringBuilder before = new StringBuilder();
        if (r.nextBoolean()) before.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>").append(nl);
        if (r.nextInt(3) == 0) before.append("<!-- generated by virt-install; edited by hand -->").append(nl);
        before.append("<domain type=").append(q).append("kvm").append(q).append('>').append(nl);
        before.append(unit).append("<name>vm-").append(index).append("</name>").append(nl);
        if (r.nextBoolean()) {
            before.append(unit).append("<description>").append(pick(r, "Datenbank für Ärzte – Ü", "数据库服务器",
                    "serveur de test : « été »", "cache 🚀 &lt;fast&gt;", "plain")).append(" &amp; ").append(index)
                    .append("</description>").append(nl);
        }
        if (syntaxError && r.nextBoolean()) {
            before.append(unit).append("<title>broken</titel>").append(nl);
        }
        before.append(unit).append("<memory unit=").append(q).append("KiB").append(q).append(">2097152</memory>").append(nl);
        before.append(unit).append("<vcpu>4</vcpu>").append(nl);
        before.append(unit).append("<os>").append(nl).append(unit).append(unit).append("<type arch=").append(q)
                .append("x86_64").append(q).append(">hvm</type>").append(nl).append(unit).append("</os>").append(nl);
        if (r.nextInt(3) == 0) before.append(unit).append("<!-- CPU: keep in sync with the fleet -->").append(nl);
        before.append(unit);

        List<String> kept = new ArrayList<>();
        StringBuilder cpu = new StringBuilder("<cpu mode=").append(q).append("custom").append(q).append(" match=")
                .append(q).append(r.nextInt(4) == 0 ? "minimum" : "exact").append(q);
        if (r.nextBoolean()) cpu.append(" check=").append(q).append(pick(r, "partial", "none", "full")).append(q);
        cpu.append('>').append(nl);
        String in = unit + unit;
        if (r.nextInt(3) == 0) child(cpu, kept, in, nl, "<!-- chosen for the " + pick(r, "db", "web", "batch") + " tier -->");
        String model = MODELS[r.nextInt(MODELS.length)];
        cpu.append(in).append("<model fallback=").append(q).append(pick(r, "forbid", "allow")).append(q).append('>')
                .append(model).append("</model>").append(nl);
        if (r.nextBoolean()) cpu.append(in).append("<vendor>Intel</vendor>").append(nl);
        if (r.nextBoolean()) {
            child(cpu, kept, in, nl, "<topology sockets=" + q + "1" + q + " dies=" + q + "1" + q + " cores=" + q + "2"
                    + q + " threads=" + q + "2" + q + "/>");
        }
        if (r.nextInt(3) == 0) child(cpu, kept, in, nl, "<cache level=" + q + "3" + q + " mode=" + q + "emulate" + q + "/>");
        int features = r.nextInt(5);
        List<String> used = new ArrayList<>();
        for (int i = 0; i < features; i++) {
            String name = FEATURES[r.nextInt(FEATURES.length)];
            String policy = POLICIES[r.nextInt(POLICIES.length)];
            // Requiring what the model has is a redundancy lint --fix removes whatever the hosts: not this test's subject.
            if (used.contains(name) || (policy.equals("require") || policy.equals("force")) && inModel(model, name)) continue;
            used.add(name);
            cpu.append(in).append("<feature policy=").append(q).append(policy).append(q)
                    .append(" name=").append(q).append(name).append(q).append("/>").append(nl);
            if (r.nextInt(6) == 0) child(cpu, kept, in, nl, "<!-- " + name + ": see ticket OPS-" + (1000 + i) + " -->");
        }
        if (r.nextInt(3) == 0) {
            child(cpu, kept, in, nl, "<numa>" + nl + in + unit + "<cell id=" + q + "0" + q + " cpus=" + q + "0-3" + q
                    + " memory=" + q + "2097152" + q + " unit=" + q + "KiB" + q + "/>" + nl + in + "</numa>");
        }
        if (r.nextInt(5) == 0) child(cpu, kept, in, nl, "<!-- multi-line" + nl + in + "     comment -->");
        cpu.append(unit).append("</cpu>");

        StringBuilder after = new StringBuilder(nl);
        if (r.nextInt(3) == 0) after.append(unit).append("<!-- end of CPU -->").append(nl);
        after.append(unit).append("<clock offset=").append(q).append("utc").append(q).append("/>").append(nl);
        after.append(unit).append("<on_poweroff>destroy</on_poweroff>").append(nl);
        after.append(unit).append("<devices>").append(nl).append(unit).append(unit).append("<emulator>/usr/bin/qemu-system-x86_64</emulator>")
                .append(nl).append(unit).append("</devices>").append(nl);
        if (syntaxError && before.indexOf("</titel>") < 0) after.append(unit).append("<metadata>a & b</metadata>").append(nl);
        after.append("</domain>");
        if (r.nextBoolean()) after.append(nl);
        if (r.nextInt(4) == 0) after.append("<!-- trailing comment -->").append(nl);
        return new Generated(before.toString(), cpu.toString(), after.toString(), kept, nl, syntaxError);
    }

    private static boolean inModel(String model, String feature) {
        dev.virtcpu.model.ArchMap x86 = dev.virtcpu.model.BundledMap.get().x86();
        return x86.model(model).data().contains(x86.feature(feature).index());
    }

    private static void child(StringBuilder cpu, List<String> kept, String indent, String nl, String xml) {
        cpu.append(indent).append(xml).append(nl);
        kept.add(xml);
    }

    private static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }
}
