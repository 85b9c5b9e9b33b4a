package dev.virtcpu.lemminx;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the real LemMinX 0.31.1 server with target/virtcpu-lemminx.jar on its classpath and talks to
 * it over stdio, on a copy of the examples workspace (.virtcpu.json with the prod and lab host sets).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LemminxServerTest {
    private Path dir;
    private Path workspace;
    private LspProcess lemminx;

    @BeforeAll
    void start() throws Exception {
        Path uber = Path.of(System.getProperty("virtcpu.lemminx.uberJar", "missing"));
        Path extension = Path.of(System.getProperty("virtcpu.lemminx.extensionJar", "missing"));
        assertTrue(Files.isRegularFile(uber), "LemMinX uber jar not found: " + uber);
        assertTrue(Files.isRegularFile(extension), "extension jar not built: " + extension);
        dir = Files.createTempDirectory("virtcpu-lemminx-test");
        workspace = dir.resolve("ws");
        copyTree(Path.of(System.getProperty("virtcpu.projectDir", ".")).resolve("examples"), workspace);
        lemminx = new LspProcess("lemminx", List.of(java(), "-Dlemminx.workdir=" + dir.resolve("lemminx-home"),
                "-cp", uber + java.io.File.pathSeparator + extension, "org.eclipse.lemminx.XMLServerLauncher"), dir);
        JsonObject settings = json("{'xml': {'logs': {'client': true}, 'codeLens': {'enabled': true}, 'virtcpu': {}}}");
        lemminx.request("initialize", initialize(settings));
        lemminx.notify("initialized", new JsonObject());
    }

    @AfterAll
    void stop() throws IOException {
        if (lemminx != null) lemminx.close();
        if (dir != null) deleteTree(dir);
    }

    @Test
    void brokenCpuGetsVirtcpuDiagnostics() throws Exception {
        String uri = open("domains/typos.xml");
        JsonObject p = lemminx.awaitDiagnostics(uri, d -> !codes(d, "virtcpu").isEmpty());
        Set<String> codes = codes(p, "virtcpu");
        assertTrue(codes.containsAll(Set.of("unknown-model", "unknown-feature", "feature-alias", "invalid-value")), codes.toString());
        for (JsonElement e : p.getAsJsonArray("diagnostics")) {
            JsonObject d = e.getAsJsonObject();
            if (d.get("source").getAsString().equals("virtcpu")) assertEquals(d.get("code"), d.getAsJsonObject("data").get("code"));
        }
        JsonObject model = find(p, "unknown-model");
        assertEquals(range(text("domains/typos.xml"), "Haswel-noTSX"), model.get("range"));
    }

    @Test
    void hostSetFromVirtcpuJson() throws Exception {
        String uri = open("domains/db-too-new.xml");
        JsonObject p = lemminx.awaitDiagnostics(uri, d -> codes(d, "virtcpu").contains("host-missing-model-feature"));
        assertTrue(codes(p, "virtcpu").contains("migration-blocker"), codes(p, "virtcpu").toString());
        assertTrue(find(p, "host-missing-model-feature").get("message").getAsString().contains("host set 'prod'"));
    }

    @Test
    void completionInModelListsModels() throws Exception {
        String file = "domains/typos.xml";
        String uri = open(file);
        String text = text(file);
        JsonObject pos = position(text, text.indexOf("Haswel-noTSX") + 3);
        JsonElement result = lemminx.request("textDocument/completion", textPosition(uri, pos));
        JsonArray items = result.isJsonArray() ? result.getAsJsonArray() : result.getAsJsonObject().getAsJsonArray("items");
        Set<String> labels = new TreeSet<>();
        for (JsonElement i : items) labels.add(i.getAsJsonObject().get("label").getAsString());
        assertTrue(labels.containsAll(Set.of("Haswell-noTSX", "Skylake-Server", "EPYC-Rome", "qemu64")), labels.toString());
        JsonObject haswell = item(items, "Haswell-noTSX");
        assertEquals(range(text, "Haswel-noTSX"), haswell.getAsJsonObject("textEdit").get("range"));
    }

    @Test
    void completionOfFeatureNamesAndValues() throws Exception {
        String file = "domains/typos.xml";
        String uri = open(file);
        String text = text(file);
        JsonElement r = lemminx.request("textDocument/completion", textPosition(uri, position(text, text.indexOf("avx512foo") + 3)));
        JsonArray items = r.isJsonArray() ? r.getAsJsonArray() : r.getAsJsonObject().getAsJsonArray("items");
        assertNotNull(item(items, "avx512f"));
        r = lemminx.request("textDocument/completion", textPosition(uri, position(text, text.indexOf("requir'") + 2)));
        items = r.isJsonArray() ? r.getAsJsonArray() : r.getAsJsonObject().getAsJsonArray("items");
        List<String> labels = new ArrayList<>();
        for (JsonElement i : items) labels.add(i.getAsJsonObject().get("label").getAsString());
        assertEquals(1, labels.stream().filter("require"::equals).count(), "schema and virtcpu values are merged: " + labels);
    }

    @Test
    void hoverOverModel() throws Exception {
        String file = "domains/db-too-new.xml";
        String uri = open(file);
        String text = text(file);
        JsonObject h = lemminx.request("textDocument/hover", textPosition(uri, position(text, text.indexOf("Cascadelake-Server") + 4)))
                .getAsJsonObject();
        assertTrue(h.getAsJsonObject("contents").get("value").getAsString().contains("Cascadelake-Server"), h.toString());
    }

    @Test
    void codeLensShowsHostSetSummary() throws Exception {
        String uri = open("domains/web-good.xml");
        JsonElement r = lemminx.request("textDocument/codeLens", json("{'textDocument': {'uri': '" + uri + "'}}"));
        String titles = r.toString();
        assertTrue(titles.contains("prod"), titles);
    }

    @Test
    void schemaIsBoundWithoutNoiseOnTheExampleDomains() throws Exception {
        // The example domains that pass libvirt's own schema check (examples/README.md) get nothing from the XSD.
        for (String f : List.of("domains/web-good.xml", "domains/batch-crlf.xml", "domains/db-too-new.xml", "domains/passthrough.xml",
                "domains/lab/amd-guest.xml")) {
            String uri = open(f);
            JsonObject p = lemminx.awaitDiagnostics(uri, d -> true);
            assertEquals(Set.of(), codes(p, "xml"), f + ": " + p);
        }
        String uri = workspace.resolve("domains/broken-structure.xml").toUri().toString();
        lemminx.notify("textDocument/didOpen", didOpen(uri, "<domain type='kvm'>\n  <cpu mode='custom'>\n    <bogus/>\n"
                + "    <model>Haswell</model>\n  </cpu>\n</domain>\n"));
        JsonObject p = lemminx.awaitDiagnostics(uri, d -> !codes(d, "xml").isEmpty());
        assertTrue(p.toString().contains("'bogus'"), p.toString());
        assertFalse(codes(p, "xml").contains("NoGrammarConstraints"), p.toString());
    }

    @Test
    void notADomainIsLeftAlone() throws Exception {
        String uri = open("not-a-domain.xml");
        JsonObject p = lemminx.awaitDiagnostics(uri, d -> true);
        assertEquals(Set.of(), codes(p, "virtcpu"));
    }

    @Test
    void settingsChangeRevalidates() throws Exception {
        String uri = workspace.resolve("domains/settings.xml").toUri().toString();
        lemminx.notify("textDocument/didOpen", didOpen(uri, "<domain type='kvm'>\n  <cpu mode='custom'>\n"
                + "    <model>Nehalem-bogus</model>\n  </cpu>\n</domain>\n"));
        lemminx.awaitDiagnostics(uri, d -> codes(d, "virtcpu").contains("unknown-model"));
        try {
            lemminx.notify("workspace/didChangeConfiguration", json("{'settings': {'xml': {'logs': {'client': true}, "
                    + "'codeLens': {'enabled': true}, 'virtcpu': {'severity': {'unknown-model': 'off'}}}}}"));
            lemminx.awaitDiagnostics(uri, d -> !codes(d, "virtcpu").contains("unknown-model"));
        } finally {
            lemminx.notify("workspace/didChangeConfiguration", json("{'settings': {'xml': {'logs': {'client': true}, "
                    + "'codeLens': {'enabled': true}, 'virtcpu': {}}}}"));
        }
    }

    @Test
    void disabledThroughSettingsTheExtensionSaysNothing() throws Exception {
        String uri = workspace.resolve("domains/disabled.xml").toUri().toString();
        lemminx.notify("textDocument/didOpen", didOpen(uri, "<domain type='kvm'>\n  <cpu mode='custom'>\n"
                + "    <model>Nehalem-bogus</model>\n  </cpu>\n</domain>\n"));
        lemminx.awaitDiagnostics(uri, d -> codes(d, "virtcpu").contains("unknown-model"));
        try {
            lemminx.notify("workspace/didChangeConfiguration", json("{'settings': {'xml': {'logs': {'client': true}, "
                    + "'codeLens': {'enabled': true}, 'virtcpu': {'enabled': false}}}}"));
            lemminx.awaitDiagnostics(uri, d -> codes(d, "virtcpu").isEmpty());
        } finally {
            lemminx.notify("workspace/didChangeConfiguration", json("{'settings': {'xml': {'logs': {'client': true}, "
                    + "'codeLens': {'enabled': true}, 'virtcpu': {}}}}"));
        }
    }

    @Test
    void baselineFixEqualsTheStandaloneServers() throws Exception {
        String file = "domains/db-too-new.xml";
        String uri = open(file);
        JsonObject ours = lemminx.awaitDiagnostics(uri, d -> codes(d, "virtcpu").contains("host-missing-model-feature"));
        JsonObject diagnostic = find(ours, "host-missing-model-feature");
        JsonObject baseline = baselineAction(lemminx.request("textDocument/codeAction", codeAction(uri, diagnostic)));
        JsonArray lemminxEdits = baseline.getAsJsonObject("edit").getAsJsonArray("documentChanges").get(0).getAsJsonObject()
                .getAsJsonArray("edits");

        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        try (LspProcess standalone = new LspProcess("virtcpu", List.of(java(), "-cp", classpath, "dev.virtcpu.cli.Main", "lsp"), dir)) {
            standalone.request("initialize", initialize(new JsonObject()));
            standalone.notify("initialized", new JsonObject());
            standalone.notify("textDocument/didOpen", didOpen(uri, text(file)));
            JsonObject theirs = standalone.awaitDiagnostics(uri, d -> codes(d, "virtcpu").contains("host-missing-model-feature"));
            JsonObject their = find(theirs, "host-missing-model-feature");
            assertEquals(diagnostic.get("range"), their.get("range"));
            assertEquals(diagnostic.get("message"), their.get("message"));
            JsonObject standaloneBaseline = baselineAction(standalone.request("textDocument/codeAction", codeAction(uri, their)));
            assertEquals(standaloneBaseline.get("title"), baseline.get("title"));
            JsonArray standaloneEdits = standaloneBaseline.getAsJsonObject("edit").getAsJsonObject("changes").getAsJsonArray(uri);
            assertEquals(standaloneEdits, lemminxEdits);
            assertTrue(lemminxEdits.get(0).getAsJsonObject().get("newText").getAsString().contains("Haswell-noTSX-IBRS"));
        }
    }

    @Test
    void aFixSeveralDiagnosticsShareIsListedOnce() throws Exception {
        String uri = open("domains/db-too-new.xml");
        JsonObject p = lemminx.awaitDiagnostics(uri, d -> codes(d, "virtcpu").containsAll(Set.of("host-missing-model-feature", "migration-blocker")));
        JsonObject params = codeAction(uri, find(p, "host-missing-model-feature"));
        JsonObject blocker = find(p, "migration-blocker");
        params.getAsJsonObject("context").getAsJsonArray("diagnostics").add(blocker);
        JsonObject range = params.getAsJsonObject("range").deepCopy();
        range.add("end", blocker.getAsJsonObject("range").get("end"));
        params.add("range", range);
        JsonArray actions = lemminx.request("textDocument/codeAction", params).getAsJsonArray();
        List<String> titles = new java.util.ArrayList<>();
        for (JsonElement e : actions) titles.add(e.getAsJsonObject().get("title").getAsString());
        assertEquals(new java.util.ArrayList<>(new java.util.LinkedHashSet<>(titles)), titles, "each fix once");
        JsonObject baseline = baselineAction(actions);
        assertEquals(2, baseline.getAsJsonArray("diagnostics").size(), "the baseline fix names both diagnostics: " + baseline);
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static JsonObject baselineAction(JsonElement actions) {
        for (JsonElement e : actions.getAsJsonArray()) {
            JsonObject a = e.getAsJsonObject();
            if (a.get("title").getAsString().startsWith("Replace CPU with the guest-facing baseline")) return a;
        }
        throw new AssertionError("no baseline fix in " + actions);
    }

    private JsonObject initialize(JsonObject options) {
        JsonObject p = json("{'capabilities': {'workspace': {'didChangeConfiguration': {'dynamicRegistration': false}},"
                + " 'textDocument': {'completion': {'completionItem': {'snippetSupport': true, 'documentationFormat': ['markdown']}},"
                + " 'hover': {'contentFormat': ['markdown']},"
                + " 'codeAction': {'codeActionLiteralSupport': {'codeActionKind': {'valueSet': ['quickfix']}}},"
                + " 'publishDiagnostics': {'relatedInformation': true}}}}");
        p.addProperty("processId", ProcessHandle.current().pid());
        p.addProperty("rootUri", workspace.toUri().toString());
        if (options.has("xml")) p.add("initializationOptions", json("{'settings': " + options + "}"));
        else p.add("initializationOptions", options);
        return p;
    }

    private static JsonObject codeAction(String uri, JsonObject diagnostic) {
        JsonObject p = json("{'textDocument': {'uri': '" + uri + "'}, 'context': {'diagnostics': []}}");
        p.add("range", diagnostic.get("range"));
        p.getAsJsonObject("context").getAsJsonArray("diagnostics").add(diagnostic);
        return p;
    }

    private String open(String file) throws IOException {
        String uri = workspace.resolve(file).toUri().toString();
        lemminx.notify("textDocument/didOpen", didOpen(uri, text(file)));
        return uri;
    }

    private String text(String file) throws IOException {
        return Files.readString(workspace.resolve(file));
    }

    private static JsonObject didOpen(String uri, String text) {
        JsonObject item = new JsonObject();
        item.addProperty("uri", uri);
        item.addProperty("languageId", "xml");
        item.addProperty("version", 1);
        item.addProperty("text", text);
        JsonObject p = new JsonObject();
        p.add("textDocument", item);
        return p;
    }

    private static JsonObject textPosition(String uri, JsonObject position) {
        JsonObject p = json("{'textDocument': {'uri': '" + uri + "'}}");
        p.add("position", position);
        return p;
    }

    private static JsonObject position(String text, int offset) {
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        JsonObject p = new JsonObject();
        p.addProperty("line", line);
        p.addProperty("character", offset - lineStart);
        return p;
    }

    private static JsonObject range(String text, String needle) {
        int at = text.indexOf(needle);
        JsonObject r = new JsonObject();
        r.add("start", position(text, at));
        r.add("end", position(text, at + needle.length()));
        return r;
    }

    private static Set<String> codes(JsonObject publish, String source) {
        Set<String> codes = new TreeSet<>();
        for (JsonElement e : publish.getAsJsonArray("diagnostics")) {
            JsonObject d = e.getAsJsonObject();
            if (d.has("source") && d.get("source").getAsString().equals(source) && d.has("code")) codes.add(d.get("code").getAsString());
        }
        return codes;
    }

    private static JsonObject find(JsonObject publish, String code) {
        for (JsonElement e : publish.getAsJsonArray("diagnostics")) {
            JsonObject d = e.getAsJsonObject();
            if (d.has("code") && d.get("code").getAsString().equals(code)) return d;
        }
        throw new AssertionError("no " + code + " in " + publish);
    }

    private static JsonObject item(JsonArray items, String label) {
        for (JsonElement i : items) {
            if (i.getAsJsonObject().get("label").getAsString().equals(label)) return i.getAsJsonObject();
        }
        throw new AssertionError("no completion " + label + " in " + items);
    }

    private static JsonObject json(String relaxed) {
        return JsonParser.parseString(relaxed.replace('\'', '"')).getAsJsonObject();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
        }
    }
}
