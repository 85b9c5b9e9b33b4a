package dev.virtcpu.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.virtcpu.analysis.RuleFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.virtcpu.lsp.LspClient.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rule fixtures through {@code virtcpu lsp} as an editor drives it: each case opened, its
 * published diagnostics of the rule are the expected findings, the code actions at the first one
 * offer its expected fixes, and hover in the {@code .hover.xml} cases is the expected Markdown.
 */
class RuleFixturesThroughLspTest {
    private static final String[] SEVERITIES = {"", "error", "warning", "info", "hint"};
    private static LspClient client;

    @BeforeAll
    static void start() throws Exception {
        client = LspClient.start(LspClient.serverCommand(), RuleFixtures.root());
        client.call("initialize", obj("processId", ProcessHandle.current().pid(),
                "rootUri", RuleFixtures.root().toUri().toString(), "capabilities", LspEndToEndTest.MINIMAL_CAPABILITIES));
        client.notify("initialized", obj());
    }

    @AfterAll
    static void stop() {
        if (client != null) client.close();
    }

    @TestFactory
    List<DynamicTest> diagnosticsAndCodeActionsAreTheExpectedOnes() {
        List<DynamicTest> tests = new ArrayList<>();
        for (RuleFixtures.Case c : RuleFixtures.cases()) {
            tests.add(DynamicTest.dynamicTest(c.toString(), () -> {
                String uri = c.xml().toUri().toString();
                JsonObject published = open(uri, read(c.xml()));
                List<String> findings = new ArrayList<>();
                JsonObject first = null;
                for (JsonElement e : published.getAsJsonArray("diagnostics")) {
                    JsonObject d = e.getAsJsonObject();
                    if (!d.get("code").getAsString().equals(c.code())) continue;
                    if (first == null) first = d;
                    JsonObject start = d.getAsJsonObject("range").getAsJsonObject("start");
                    findings.add((start.get("line").getAsInt() + 1) + ":" + (start.get("character").getAsInt() + 1) + " "
                            + SEVERITIES[d.get("severity").getAsInt()] + " " + c.code() + ": " + d.get("message").getAsString());
                }
                assertEquals(String.join("\n", RuleFixtures.expectedFindings(c)), String.join("\n", findings), c.toString());
                if (first != null) assertOffersTheFirstFindingsFixes(c, uri, first);
                client.notify("textDocument/didClose", obj("textDocument", obj("uri", uri)));
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> hoverIsTheExpectedMarkdown() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> s = Files.walk(RuleFixtures.root())) {
            for (Path xml : s.filter(p -> p.toString().endsWith(".hover.xml")).sorted().toList()) {
                tests.add(DynamicTest.dynamicTest(RuleFixtures.root().relativize(xml).toString(), () -> {
                    String raw = read(xml);
                    int cursor = raw.indexOf('|');
                    String text = raw.substring(0, cursor) + raw.substring(cursor + 1);
                    String uri = xml.toUri().toString();
                    open(uri, text);
                    int line = (int) text.substring(0, cursor).chars().filter(ch -> ch == '\n').count();
                    int character = cursor - (text.lastIndexOf('\n', cursor - 1) + 1);
                    JsonElement hover = client.call("textDocument/hover", obj("textDocument", obj("uri", uri),
                            "position", obj("line", line, "character", character)));
                    String md = read(xml.resolveSibling(xml.getFileName().toString().replace(".hover.xml", ".hover.md")));
                    String expected = md.isEmpty() ? "" : md.substring(md.indexOf('\n') + 1);
                    String actual = hover == null || hover.isJsonNull() ? ""
                            : hover.getAsJsonObject().getAsJsonObject("contents").get("value").getAsString() + "\n";
                    assertEquals(expected, actual, xml.toString());
                    client.notify("textDocument/didClose", obj("textDocument", obj("uri", uri)));
                }));
            }
        }
        return tests;
    }

    @org.junit.jupiter.api.Test
    void theCodeLensAboveACpuGivesItsLevelTheLevelNeededAndTheBaselines() throws Exception {
        Path xml = RuleFixtures.root().resolve("x86-64-level/rhel9-on-qemu64.xml");
        String uri = xml.toUri().toString();
        open(uri, read(xml));
        List<String> titles = new ArrayList<>();
        for (JsonElement e : client.call("textDocument/codeLens", obj("textDocument", obj("uri", uri))).getAsJsonArray()) {
            titles.add(e.getAsJsonObject().getAsJsonObject("command").get("title").getAsString());
        }
        assertTrue(titles.contains("x86-64-v1 · needs x86-64-v2 (RHEL 9) · host set 'pool' baseline x86-64-v3"), titles.toString());
        client.notify("textDocument/didClose", obj("textDocument", obj("uri", uri)));
    }

    @org.junit.jupiter.api.Test
    void hoverOnAHostFilesModelExplainsHowLibvirtDecodedIt() throws Exception {
        Path xml = RuleFixtures.root().resolveSibling("hover").resolve("host-model-pentium-p6100-is-core2duo.xml");
        String raw = read(xml);
        int cursor = raw.indexOf('|');
        String text = raw.substring(0, cursor) + raw.substring(cursor + 1);
        String uri = xml.toUri().toString();
        open(uri, text);
        int line = (int) text.substring(0, cursor).chars().filter(ch -> ch == '\n').count();
        int character = cursor - (text.lastIndexOf('\n', cursor - 1) + 1);
        String md = client.call("textDocument/hover", obj("textDocument", obj("uri", uri), "position", obj("line", line, "character", character)))
                .getAsJsonObject().getAsJsonObject("contents").get("value").getAsString();
        assertTrue(md.contains("- Westmere-v1 (Westmere): the signature matches, but the CPU lacks sse4.1, sse4.2, aes"), md);
        client.notify("textDocument/didClose", obj("textDocument", obj("uri", uri)));
    }

    private static void assertOffersTheFirstFindingsFixes(RuleFixtures.Case c, String uri, JsonObject diagnostic) throws Exception {
        List<String> expected = new ArrayList<>();
        boolean inFirst = false;
        for (String l : RuleFixtures.expected(c)) {
            if (!l.startsWith(" ")) {
                if (inFirst) break;
                inFirst = true;
            } else if (l.startsWith("  fix: ")) {
                expected.add(l.substring(7));
            }
        }
        JsonArray actions = client.call("textDocument/codeAction", obj("textDocument", obj("uri", uri),
                "range", diagnostic.get("range"), "context", obj("diagnostics", List.of(diagnostic)))).getAsJsonArray();
        List<String> titles = new ArrayList<>();
        for (JsonElement a : actions) titles.add(a.getAsJsonObject().get("title").getAsString());
        assertTrue(titles.containsAll(expected), c + ": code actions " + titles + " lack some of " + expected);
    }

    private static JsonObject open(String uri, String text) throws Exception {
        int mark = client.mark();
        client.notify("textDocument/didOpen", obj("textDocument", obj("uri", uri, "languageId", "xml", "version", 1, "text", text)));
        return client.awaitDiagnostics(mark, uri, p -> true).params();
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
