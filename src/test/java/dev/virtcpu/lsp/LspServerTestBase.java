package dev.virtcpu.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.virtcpu.lsp.LspClient.obj;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A language server as editors run it: {@code virtcpu lsp} in its own process, spoken to over stdio,
 * on a fresh copy of examples/ (killed after each test), with helpers to drive it.
 */
abstract class LspServerTestBase {
    static final Object MINIMAL_CAPABILITIES = obj();
    static final Object FULL_CAPABILITIES = obj(
            "general", obj("positionEncodings", List.of("utf-32")),
            "textDocument", obj(
                    "synchronization", obj("didSave", true, "dynamicRegistration", true),
                    "completion", obj("completionItem", obj("snippetSupport", true, "documentationFormat", List.of("markdown", "plaintext"))),
                    "hover", obj("contentFormat", List.of("markdown", "plaintext")),
                    "publishDiagnostics", obj("relatedInformation", true, "versionSupport", true),
                    "codeAction", obj("codeActionLiteralSupport", obj("codeActionKind", obj("valueSet", List.of("quickfix"))))),
            "workspace", obj("configuration", true, "workspaceFolders", true, "applyEdit", true,
                    "didChangeWatchedFiles", obj("dynamicRegistration", true)),
            "window", obj("workDoneProgress", true));

    @TempDir
    Path tmp;
    Path examples;
    LspClient client;

    @BeforeEach
    void copyExamples() throws IOException {
        examples = tmp.resolve("examples");
        Path source = projectDir().resolve("examples");
        try (Stream<Path> s = Files.walk(source)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = examples.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    @AfterEach
    void killServer() {
        if (client != null) client.close();
    }

    static Path projectDir() {
        String p = System.getProperty("virtcpu.projectDir");
        return (p == null ? Path.of("") : Path.of(p)).toAbsolutePath().normalize();
    }

    // ---- helpers -----------------------------------------------------------------------------

    JsonObject start(Object capabilities) throws Exception {
        client = LspClient.start(LspClient.serverCommand(), tmp);
        JsonObject result = client.call("initialize", obj("processId", ProcessHandle.current().pid(),
                "rootUri", examples.toUri().toString(), "capabilities", capabilities)).getAsJsonObject();
        client.notify("initialized", obj());
        return result;
    }

    String uri(String relative) {
        return examples.resolve(relative).toUri().toString();
    }

    String read(String relative) throws IOException {
        return Files.readString(examples.resolve(relative), StandardCharsets.UTF_8);
    }

    /** didOpen; returns the first diagnostics published for that version. */
    JsonObject open(String uri, String text) throws Exception {
        int mark = client.mark();
        client.notify("textDocument/didOpen", obj("textDocument", obj("uri", uri, "languageId", "xml", "version", 1, "text", text)));
        return client.awaitDiagnostics(mark, uri, p -> true).params();
    }

    static List<JsonObject> diagnostics(JsonObject published) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement e : published.getAsJsonArray("diagnostics")) out.add(e.getAsJsonObject());
        return out;
    }

    static List<String> codes(JsonObject published) {
        return diagnostics(published).stream().map(d -> d.get("code").getAsString()).toList();
    }

    static Map<String, Object> position(int line, int character) {
        return obj("line", line, "character", character);
    }

    Map<String, Object> at(String uri, int line, int character) {
        return obj("textDocument", obj("uri", uri), "position", position(line, character));
    }

    /** Zero-based (line, UTF-16 column) of the first occurrence of {@code needle}, plus {@code delta} columns. */
    static int[] find(String text, String needle, int delta) {
        int i = text.indexOf(needle);
        assertTrue(i >= 0, "no " + needle);
        int line = 0;
        int ls = 0;
        for (int k = 0; k < i; k++) {
            if (text.charAt(k) == '\n') {
                line++;
                ls = k + 1;
            }
        }
        return new int[]{line, i - ls + delta};
    }

    static int offset(String text, JsonObject position) {
        int line = position.get("line").getAsInt();
        int i = 0;
        for (int l = 0; l < line; l++) i = text.indexOf('\n', i) + 1;
        return i + position.get("character").getAsInt();
    }

    static List<String> labels(JsonElement completion) {
        JsonArray items = completion.isJsonArray() ? completion.getAsJsonArray() : completion.getAsJsonObject().getAsJsonArray("items");
        List<JsonObject> sorted = new ArrayList<>();
        for (JsonElement e : items) sorted.add(e.getAsJsonObject());
        sorted.sort((a, b) -> sortKey(a).compareTo(sortKey(b)));
        return sorted.stream().map(o -> o.get("label").getAsString()).toList();
    }

    static JsonObject item(JsonElement completion, String label) {
        for (JsonElement e : completion.getAsJsonObject().getAsJsonArray("items")) {
            if (e.getAsJsonObject().get("label").getAsString().equals(label)) return e.getAsJsonObject();
        }
        throw new AssertionError("no completion " + label);
    }

    private static String sortKey(JsonObject item) {
        return item.has("sortText") ? item.get("sortText").getAsString() : item.get("label").getAsString();
    }

}
