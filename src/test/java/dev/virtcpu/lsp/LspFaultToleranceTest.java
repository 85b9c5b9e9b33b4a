package dev.virtcpu.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.virtcpu.lsp.LspClient.frame;
import static dev.virtcpu.lsp.LspClient.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server and clients that misbehave: damaged frames, wrong Content-Length, unknown methods,
 * requests out of the lifecycle, out-of-range edits, closed documents, a vanished client. Each time:
 * an LSP error without a Java stack trace (or nothing, for notifications), and the server goes on.
 */
class LspFaultToleranceTest extends LspServerTestBase {
    private static final String HOVER_DOC = "domains/db-too-new.xml";

    /** A hover request on the open example, answered by a server that still works. */
    private void assertStillServing() throws Exception {
        String uri = uri(HOVER_DOC);
        String text = read(HOVER_DOC);
        int[] at = find(text, "Cascadelake-Server", 2);
        JsonElement hover = client.call("textDocument/hover", at(uri, at[0], at[1]));
        assertTrue(hover.getAsJsonObject().toString().contains("Cascadelake-Server"), hover.toString());
    }

    private void startWithDocument() throws Exception {
        start(MINIMAL_CAPABILITIES);
        open(uri(HOVER_DOC), read(HOVER_DOC));
    }

    private static String request(int id, String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}";
    }

    private String hoverParams() throws Exception {
        int[] at = find(read(HOVER_DOC), "Cascadelake-Server", 2);
        return "{\"textDocument\":{\"uri\":\"" + uri(HOVER_DOC) + "\"},\"position\":{\"line\":" + at[0] + ",\"character\":" + at[1] + "}}";
    }

    private static void assertNoStackTrace(JsonObject error) {
        assertFalse(error.has("data"), "error data: " + error);
        assertFalse(error.toString().contains("\\tat ") || error.toString().contains("Exception"), error.toString());
    }

    // ---- framing -----------------------------------------------------------------------------

    @Test
    void aBodyThatIsNotJsonGetsAParseErrorAndTheServerGoesOn() throws Exception {
        startWithDocument();
        client.sendRaw(frame("{\"jsonrpc\": \"2.0\", \"id\": 99, \"method\": "));
        assertStillServing();
        List<JsonObject> errors = client.idlessResponses();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(-32700, errors.get(0).getAsJsonObject("error").get("code").getAsInt());
        assertNoStackTrace(errors.get(0).getAsJsonObject("error"));
    }

    @Test
    void bytesBetweenFramesAreSkipped() throws Exception {
        startWithDocument();
        client.sendRaw("garbage that is no header\r\nX\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        assertStillServing();
        assertTrue(client.stderr().contains("damaged message"), client.stderr());
    }

    @Test
    void aFrameWithoutContentLengthIsSkipped() throws Exception {
        startWithDocument();
        client.sendRaw("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        assertStillServing();
    }

    @Test
    void aContentLengthTooShortCostsOnlyThatMessage() throws Exception {
        startWithDocument();
        int id = client.nextId();
        String body = request(id, "textDocument/hover", hoverParams());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        client.sendRaw(("Content-Length: " + (bytes.length - 10) + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
        assertStillServing();
    }

    @Test
    void aContentLengthTooLongLosesNeitherThatMessageNorTheNext() throws Exception {
        startWithDocument();
        int id = client.nextId();
        var answer = client.expect(id);
        String body = request(id, "textDocument/hover", hoverParams());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        client.sendRaw(("Content-Length: " + (bytes.length + 40) + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
        assertStillServing();
        JsonObject first = answer.get(30, TimeUnit.SECONDS);
        assertTrue(first.get("result").toString().contains("Cascadelake-Server"), first.toString());
    }

    @Test
    void aHugeContentLengthIsRefusedWithoutWaitingForIt() throws Exception {
        startWithDocument();
        client.sendRaw("Content-Length: 99999999999\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        client.sendRaw("Content-Length: 2147483647\r\n\r\n{}".getBytes(StandardCharsets.UTF_8));
        assertStillServing();
        assertTrue(client.stderr().contains("Content-Length 99999999999 is outside"), client.stderr());
    }

    // ---- methods and lifecycle -----------------------------------------------------------------

    @Test
    void anUnknownRequestGetsMethodNotFound() throws Exception {
        startWithDocument();
        JsonObject r = client.request("virtcpu/noSuchMethod", obj()).get(30, TimeUnit.SECONDS);
        assertEquals(-32601, r.getAsJsonObject("error").get("code").getAsInt(), r.toString());
        assertNoStackTrace(r.getAsJsonObject("error"));
        client.notify("virtcpu/noSuchNotification", obj());
        assertStillServing();
    }

    @Test
    void requestsBeforeInitializeGetServerNotInitialized() throws Exception {
        client = LspClient.start(LspClient.serverCommand(), tmp);
        JsonObject r = client.request("textDocument/hover", obj("textDocument", obj("uri", uri(HOVER_DOC)),
                "position", position(0, 0))).get(30, TimeUnit.SECONDS);
        assertEquals(-32002, r.getAsJsonObject("error").get("code").getAsInt(), r.toString());
        client.notify("textDocument/didOpen", obj("textDocument", obj("uri", uri(HOVER_DOC), "languageId", "xml",
                "version", 1, "text", read(HOVER_DOC))));
        client.call("initialize", obj("processId", null, "rootUri", examples.toUri().toString(), "capabilities", obj()));
        client.notify("initialized", obj());
        JsonObject again = client.request("initialize", obj("capabilities", obj())).get(30, TimeUnit.SECONDS);
        assertEquals(-32600, again.getAsJsonObject("error").get("code").getAsInt(), again.toString());
        assertTrue(client.call("textDocument/hover", obj("textDocument", obj("uri", uri(HOVER_DOC)),
                "position", position(0, 0))).isJsonNull(), "the didOpen before initialize was dropped");
    }

    @Test
    void afterShutdownRequestsAreRefusedAndExitEndsWithStatus0() throws Exception {
        startWithDocument();
        client.call("shutdown", null);
        JsonObject r = client.request("textDocument/hover", obj("textDocument", obj("uri", uri(HOVER_DOC)),
                "position", position(0, 0))).get(30, TimeUnit.SECONDS);
        assertEquals(-32600, r.getAsJsonObject("error").get("code").getAsInt(), r.toString());
        client.notify("exit", null);
        assertTrue(client.process().waitFor(20, TimeUnit.SECONDS));
        assertEquals(0, client.process().exitValue());
    }

    @Test
    void aRequestMissingRequiredParamsGetsInvalidParamsWithoutStackTrace() throws Exception {
        startWithDocument();
        JsonObject r = client.request("textDocument/hover", obj("position", position(0, 0))).get(30, TimeUnit.SECONDS);
        JsonObject error = r.getAsJsonObject("error");
        assertEquals(-32602, error.get("code").getAsInt(), r.toString());
        assertTrue(error.get("message").getAsString().contains("textDocument"), r.toString());
        assertNoStackTrace(error);
        assertStillServing();
    }

    // ---- documents ------------------------------------------------------------------------------

    @Test
    void editsWithOutOfRangePositionsAreClampedAndTheFinalDiagnosticsAreRight() throws Exception {
        start(MINIMAL_CAPABILITIES);
        String uri = uri(HOVER_DOC);
        String text = read(HOVER_DOC);
        open(uri, text);
        int mark = client.mark();
        // Not a valid change (a range without end, a change without text): the notification is dropped.
        client.notify("textDocument/didChange", obj("textDocument", obj("uri", uri, "version", 2), "contentChanges", List.of(
                obj("range", obj("start", position(1, 0)), "text", "ignored: no end"),
                obj("range", obj("start", position(0, 0), "end", position(0, 0))))));
        client.notify("textDocument/didChange", obj("textDocument", obj("uri", uri, "version", 3), "contentChanges", List.of(
                obj("range", obj("start", position(100000, 5), "end", position(200000, 99)), "text", "<!-- tail -->"),
                obj("range", obj("start", position(-3, -7), "end", position(-1, -1)), "text", "<!-- head -->"),
                obj("range", obj("start", position(0, 500), "end", position(0, 1)), "text", ""))));
        JsonObject after = client.awaitDiagnostics(mark, uri, p -> p.get("version").getAsInt() == 3).params();
        assertTrue(client.stderr().contains("must return a non-null value"), client.stderr());
        // Past the end: appended. Negative: at the start. Reversed: in order (line 0 keeps its first character).
        String both = "<!-- head -->" + text + "<!-- tail -->";
        String expected = both.charAt(0) + both.substring(both.indexOf('\n'));
        client.notify("textDocument/didClose", obj("textDocument", obj("uri", uri)));
        JsonObject fresh = open(uri, expected);
        assertEquals(codes(fresh), codes(after));
        assertEquals(fresh.get("diagnostics").toString(), after.get("diagnostics").toString());
    }

    @Test
    void requestsForClosedOrUnknownDocumentsAnswerEmpty() throws Exception {
        startWithDocument();
        String uri = uri(HOVER_DOC);
        client.notify("textDocument/didClose", obj("textDocument", obj("uri", uri)));
        String never = uri("domains/never-opened.xml");
        for (String u : List.of(uri, never)) {
            assertTrue(client.call("textDocument/hover", at(u, 3, 10)).isJsonNull());
            assertEquals("[]", client.call("textDocument/codeLens", obj("textDocument", obj("uri", u))).toString());
            assertEquals("[]", client.call("textDocument/codeAction", obj("textDocument", obj("uri", u),
                    "range", obj("start", position(0, 0), "end", position(5, 0)), "context", obj("diagnostics", List.of()))).toString());
            JsonElement completion = client.call("textDocument/completion", at(u, 3, 10));
            assertTrue(completion.isJsonArray() ? completion.getAsJsonArray().isEmpty()
                    : completion.getAsJsonObject().getAsJsonArray("items").isEmpty(), completion.toString());
            client.notify("textDocument/didChange", obj("textDocument", obj("uri", u, "version", 7),
                    "contentChanges", List.of(obj("text", "<domain/>"))));
        }
        open(uri, read(HOVER_DOC));
        assertStillServing();
    }

    // ---- the client goes away -----------------------------------------------------------------------

    @Test
    void aClientThatClosesStdinWithoutExitEndsTheServerWithin2Seconds() throws Exception {
        startWithDocument();
        long t0 = System.nanoTime();
        client.closeInput();
        assertTrue(client.process().waitFor(2, TimeUnit.SECONDS), "still running 2 s after stdin closed");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("lsp-faults: server exited " + ms + " ms after stdin closed");
        assertEquals(1, client.process().exitValue(), "no shutdown was asked for");
    }
}
