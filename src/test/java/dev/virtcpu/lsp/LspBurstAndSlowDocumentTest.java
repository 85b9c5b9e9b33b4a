package dev.virtcpu.lsp;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.virtcpu.lsp.LspClient.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Work the server must not multiply: a burst of edits is analysed at its final version (published
 * once), and a document that is slow to analyse does not hold up the others. Timings are printed
 * ({@code lsp-load:} lines) for the record; the assertions are about counts and order.
 */
class LspBurstAndSlowDocumentTest extends LspServerTestBase {
    private static final int EDITS = 10_000;

    private long publishes(int from, String uri) {
        return client.notifications().subList(from, client.notifications().size()).stream()
                .filter(r -> "textDocument/publishDiagnostics".equals(r.method()) && uri.equals(r.params().get("uri").getAsString()))
                .count();
    }

    @Test
    void tenThousandRapidEditsAreAnalysedOnceAtTheFinalVersion() throws Exception {
        start(MINIMAL_CAPABILITIES);
        String a = uri("domains/db-too-new.xml");
        String text = read("domains/db-too-new.xml");
        JsonObject initial = open(a, text);
        int mark = client.mark();
        long t0 = System.nanoTime();
        for (int v = 2; v <= EDITS + 1; v++) {
            String version = v == EDITS + 1 ? text : text + "<!-- edit " + v + " -->";
            client.notify("textDocument/didChange", obj("textDocument", obj("uri", a, "version", v),
                    "contentChanges", List.of(obj("text", version))));
        }
        long sent = System.nanoTime();
        String b = uri("domains/web-good.xml");
        int markB = client.mark();
        client.notify("textDocument/didOpen", obj("textDocument", obj("uri", b, "languageId", "xml", "version", 1,
                "text", read("domains/web-good.xml"))));
        LspClient.Received last = client.awaitDiagnostics(mark, a, p -> p.get("version").getAsInt() == EDITS + 1);
        LspClient.Received other = client.awaitDiagnostics(markB, b, p -> true);
        Thread.sleep(1000);
        System.out.println("lsp-load: " + EDITS + " edits sent in " + (sent - t0) / 1_000_000 + " ms; final diagnostics "
                + (last.nanos() - sent) / 1_000_000 + " ms after the last edit; the other file's "
                + (other.nanos() - sent) / 1_000_000 + " ms after it was opened; " + publishes(mark, a)
                + " publications for the edited file");
        assertEquals(initial.get("diagnostics").toString(), last.params().get("diagnostics").toString());
        long finalOnes = client.notifications().subList(mark, client.notifications().size()).stream()
                .filter(r -> "textDocument/publishDiagnostics".equals(r.method()) && a.equals(r.params().get("uri").getAsString())
                        && r.params().get("version").getAsInt() == EDITS + 1).count();
        assertEquals(1, finalOnes, "the final version is published once");
        // Edits coalesce: when they arrive faster than the analysis, one analysis covers many of them.
        // How many depends on the pauses the client's writes take (a loaded machine makes more of them),
        // so the bound is loose; analysing each edit would publish about once per edit.
        assertTrue(publishes(mark, a) <= EDITS / 50, publishes(mark, a) + " publications for " + EDITS + " edits");
    }

    @Test
    void aSlowDocumentDoesNotHoldUpAnother() throws Exception {
        start(MINIMAL_CAPABILITIES);
        StringBuilder slow = new StringBuilder("<domain type='kvm'>\n  <cpu mode='custom' match='exact'>\n    <model>Haswell</model>\n");
        for (int i = 0; i < 50_000; i++) slow.append("    <feature policy='require' name='no-such-feature-").append(i).append("'/>\n");
        slow.append("  </cpu>\n</domain>\n");
        String s = uri("domains/slow.xml");
        String b = uri("domains/web-good.xml");
        int mark = client.mark();
        long t0 = System.nanoTime();
        client.notify("textDocument/didOpen", obj("textDocument", obj("uri", s, "languageId", "xml", "version", 1,
                "text", slow.toString())));
        client.notify("textDocument/didOpen", obj("textDocument", obj("uri", b, "languageId", "xml", "version", 1,
                "text", read("domains/web-good.xml"))));
        LspClient.Received other = client.awaitDiagnostics(mark, b, p -> true);
        LspClient.Received slowOne = client.await(mark, r -> "textDocument/publishDiagnostics".equals(r.method())
                && s.equals(r.params().get("uri").getAsString()), 120_000);
        System.out.println("lsp-load: slow document (" + slow.length() / 1024 + " KiB, 50 000 unknown features) diagnosed in "
                + (slowOne.nanos() - t0) / 1_000_000 + " ms; the other document in " + (other.nanos() - t0) / 1_000_000 + " ms");
        assertTrue(other.nanos() < slowOne.nanos(), "the small document waited for the slow one");
    }
}
