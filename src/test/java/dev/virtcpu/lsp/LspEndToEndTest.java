package dev.virtcpu.lsp;

import com.google.gson.JsonArray;
import dev.virtcpu.PomVersion;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The language server as editors run it: {@code virtcpu lsp} in its own process, spoken to over
 * stdio. Each test starts a server on a fresh copy of examples/ and kills it afterwards.
 */
class LspEndToEndTest extends LspServerTestBase {
    // ---- initialize --------------------------------------------------------------------------

    @Test
    void initializeWithoutClientCapabilitiesAnswersUtf16AndEveryFeature() throws Exception {
        JsonObject caps = start(MINIMAL_CAPABILITIES).getAsJsonObject("capabilities");
        assertEquals("utf-16", caps.get("positionEncoding").getAsString());
        assertEquals(2, caps.get("textDocumentSync").getAsInt(), "incremental sync");
        assertTrue(caps.has("completionProvider"));
        assertTrue(caps.get("hoverProvider").getAsBoolean());
        assertTrue(caps.has("codeActionProvider"));
        assertEquals(List.of("virtcpu.hostSets", "virtcpu.baseline", "virtcpu.selectHostSet", "virtcpu.showBaseline"),
                caps.getAsJsonObject("executeCommandProvider").getAsJsonArray("commands").asList().stream().map(JsonElement::getAsString).toList());
    }

    @Test
    void serverInfoNamesVirtcpuAndThePomVersion() throws Exception {
        JsonObject info = start(MINIMAL_CAPABILITIES).getAsJsonObject("serverInfo");
        assertEquals("virtcpu", info.get("name").getAsString());
        assertEquals(PomVersion.read(), info.get("version").getAsString());
    }

    @Test
    void clientOfferingOnlyUtf32GetsCodePointColumns() throws Exception {
        String line = "    <!-- \uD83D\uDE80 --><model fallback='forbid'>Cascadelake-Server</model>";
        String text = read("domains/db-too-new.xml").replace("    <model fallback='forbid'>Cascadelake-Server</model>", line);
        JsonObject result = start(FULL_CAPABILITIES);
        assertEquals("utf-32", result.getAsJsonObject("capabilities").get("positionEncoding").getAsString());
        JsonObject d = diagnostics(open(uri("domains/db-too-new.xml"), text)).get(0);
        int utf16 = line.indexOf("Cascadelake-Server");
        assertEquals(utf16 - 1, d.getAsJsonObject("range").getAsJsonObject("start").get("character").getAsInt());
        assertEquals(utf16 - 1 + "Cascadelake-Server".length(), d.getAsJsonObject("range").getAsJsonObject("end").get("character").getAsInt());
    }

    // ---- diagnostics -------------------------------------------------------------------------

    @Test
    void openedDomainGetsHostSetDiagnosticsNamingTheHostsThatCannotRunIt() throws Exception {
        start(MINIMAL_CAPABILITIES);
        String text = read("domains/db-too-new.xml");
        JsonObject published = open(uri("domains/db-too-new.xml"), text);
        assertEquals(1, published.get("version").getAsInt());
        JsonObject first = diagnostics(published).get(0);
        assertEquals("host-missing-model-feature", first.get("code").getAsString());
        assertEquals("virtcpu", first.get("source").getAsString());
        assertEquals(1, first.get("severity").getAsInt());
        assertEquals("CPU model Cascadelake-Server needs 15 features that kvm-prod-04 lacks: hle, rtm, avx512f, avx512dq, rdseed, "
                + "adx, smap, clflushopt, … (runs on 2 of 4 hosts of host set 'prod')", first.get("message").getAsString());
        int[] model = find(text, "Cascadelake-Server", 0);
        JsonObject range = first.getAsJsonObject("range");
        assertEquals(List.of(model[0], model[1], model[0], model[1] + 18), List.of(
                range.getAsJsonObject("start").get("line").getAsInt(), range.getAsJsonObject("start").get("character").getAsInt(),
                range.getAsJsonObject("end").get("line").getAsInt(), range.getAsJsonObject("end").get("character").getAsInt()));
        JsonArray related = first.getAsJsonArray("relatedInformation");
        assertEquals(uri("hosts/prod/kvm-prod-04.xml"), related.get(0).getAsJsonObject().getAsJsonObject("location").get("uri").getAsString());
        List<String> codes = codes(published);
        assertEquals(1, codes.stream().filter("host-missing-model-feature"::equals).count());
        assertTrue(codes.contains("host-missing-feature"));
        assertTrue(codes.contains("migration-blocker"));
        assertEquals("host-set-summary", codes.get(codes.size() - 1));
        assertEquals("runs on 2 of 4 hosts of host set 'prod'; baseline: Haswell-noTSX-IBRS +17 features",
                diagnostics(published).get(codes.size() - 1).get("message").getAsString());
    }

    @Test
    void halfTypedDocumentGetsSyntaxDiagnosticsAndTheServerKeepsAnswering() throws Exception {
        start(MINIMAL_CAPABILITIES);
        String u = uri("domains/new.xml");
        String text = "<domain><cpu mode='custom'><model>Sky";
        JsonObject published = open(u, text);
        assertEquals(List.of("xml-syntax", "xml-syntax", "xml-syntax", "unknown-model"), codes(published));
        JsonElement completion = client.call("textDocument/completion", at(u, 0, text.length()));
        assertTrue(labels(completion).contains("Skylake-Server"));
    }

    @Test
    void baselineQuickFixLeavesOnlyTheSummary() throws Exception {
        start(MINIMAL_CAPABILITIES);
        String u = uri("domains/db-too-new.xml");
        String text = read("domains/db-too-new.xml");
        open(u, text);
        int[] model = find(text, "Cascadelake-Server", 3);
        JsonArray actions = client.call("textDocument/codeAction", obj("textDocument", obj("uri", u),
                "range", obj("start", position(model[0], model[1]), "end", position(model[0], model[1])),
                "context", obj("diagnostics", List.of()))).getAsJsonArray();
        JsonObject baseline = null;
        for (JsonElement a : actions) {
            if (a.getAsJsonObject().get("title").getAsString().startsWith("Replace CPU with the guest-facing baseline of host set 'prod'")) {
                baseline = a.getAsJsonObject();
            }
        }
        assertNotNull(baseline, "actions: " + actions);
        assertEquals("quickfix", baseline.get("kind").getAsString());
        JsonArray edits = baseline.getAsJsonObject("edit").getAsJsonObject("changes").getAsJsonArray(u);
        assertEquals(1, edits.size());
        JsonObject edit = edits.get(0).getAsJsonObject();
        int mark = client.mark();
        client.notify("textDocument/didChange", obj("textDocument", obj("uri", u, "version", 2),
                "contentChanges", List.of(obj("range", edit.get("range"), "text", edit.get("newText").getAsString()))));
        JsonObject after = client.awaitDiagnostics(mark, u, p -> p.has("version") && p.get("version").getAsInt() == 2).params();
        assertEquals(List.of("host-set-summary"), codes(after));
        assertEquals(3, diagnostics(after).get(0).get("severity").getAsInt(), "information");
        assertTrue(diagnostics(after).get(0).get("message").getAsString().startsWith("runs on 4 of 4 hosts"));
        String fixed = new StringBuilder(text).replace(offset(text, edit.getAsJsonObject("range").getAsJsonObject("start")),
                offset(text, edit.getAsJsonObject("range").getAsJsonObject("end")), edit.get("newText").getAsString()).toString();
        assertTrue(fixed.contains("<topology sockets='1' dies='1' cores='4' threads='2'/>"), fixed);
    }

    @Test
    void theWholeCpuGetsEachFixOfTheLadderOnceAndThePreferredOneLeavesOnlyTheSummary() throws Exception {
        start(MINIMAL_CAPABILITIES);
        String u = uri("domains/db-too-new.xml");
        String text = read("domains/db-too-new.xml");
        JsonObject published = open(u, text);
        int[] start = find(text, "<cpu", 0);
        int[] end = find(text, "</cpu>", 0);
        JsonArray actions = client.call("textDocument/codeAction", obj("textDocument", obj("uri", u),
                "range", obj("start", position(start[0], start[1]), "end", position(end[0], end[1])),
                "context", obj("diagnostics", published.getAsJsonArray("diagnostics")))).getAsJsonArray();
        List<String> titles = new ArrayList<>();
        JsonObject preferred = null;
        for (JsonElement a : actions) {
            JsonObject o = a.getAsJsonObject();
            titles.add(o.get("title").getAsString());
            boolean host = o.getAsJsonArray("diagnostics").get(0).getAsJsonObject().get("code").getAsString().startsWith("host-");
            if (host && o.has("isPreferred") && o.get("isPreferred").getAsBoolean()) {
                assertNull(preferred, "one preferred host-set action: " + actions);
                preferred = o;
            }
        }
        assertEquals(titles.size(), new java.util.HashSet<>(titles).size(), "one action per distinct fix: " + titles);
        assertTrue(titles.get(0).startsWith("Disable or remove the 18 features some hosts lack or that block migration: hle, rtm, "), titles::toString);
        assertTrue(titles.get(1).startsWith("Use Haswell-noTSX-IBRS, the closest model every host runs"), titles::toString);
        assertTrue(titles.get(2).startsWith("Replace CPU with the guest-facing baseline of host set 'prod'"), titles::toString);
        assertNotNull(preferred);
        assertEquals(titles.get(0), preferred.get("title").getAsString());
        JsonArray edits = preferred.getAsJsonObject("edit").getAsJsonObject("changes").getAsJsonArray(u);
        int mark = client.mark();
        client.notify("textDocument/didChange", obj("textDocument", obj("uri", u, "version", 2), "contentChanges",
                sortedBackwards(edits)));
        JsonObject after = client.awaitDiagnostics(mark, u, p -> p.has("version") && p.get("version").getAsInt() == 2).params();
        assertEquals(List.of("host-set-summary"), codes(after));
    }

    /** Edits of one WorkspaceEdit as didChange events, last position first so earlier ranges stay valid. */
    static List<Object> sortedBackwards(JsonArray edits) {
        List<JsonObject> list = new ArrayList<>();
        for (JsonElement e : edits) list.add(e.getAsJsonObject());
        list.sort((a, b) -> {
            JsonObject x = a.getAsJsonObject("range").getAsJsonObject("start");
            JsonObject y = b.getAsJsonObject("range").getAsJsonObject("start");
            int c = Integer.compare(y.get("line").getAsInt(), x.get("line").getAsInt());
            return c != 0 ? c : Integer.compare(y.get("character").getAsInt(), x.get("character").getAsInt());
        });
        List<Object> out = new ArrayList<>();
        for (JsonObject e : list) out.add(obj("range", e.get("range"), "text", e.get("newText").getAsString()));
        return out;
    }

    @Test
    void closingTheDocumentClearsItsDiagnostics() throws Exception {
        start(MINIMAL_CAPABILITIES);
        String u = uri("domains/db-too-new.xml");
        open(u, read("domains/db-too-new.xml"));
        int mark = client.mark();
        client.notify("textDocument/didClose", obj("textDocument", obj("uri", u)));
        JsonObject cleared = client.awaitDiagnostics(mark, u, p -> true).params();
        assertEquals(0, cleared.getAsJsonArray("diagnostics").size());
    }

    @Test
    void brokenConfigurationIsReportedOnTheConfigurationFile() throws Exception {
        Files.writeString(examples.resolve(".virtcpu.json"), "{\n  \"hostSets\": {\"prod\": [\"hosts/prod/*.xml\"],\n  \"defaultHostSet\": \"prod\"\n");
        start(MINIMAL_CAPABILITIES);
        int mark = client.mark();
        client.notify("textDocument/didOpen", obj("textDocument", obj("uri", uri("domains/web-good.xml"), "languageId", "xml",
                "version", 1, "text", read("domains/web-good.xml"))));
        JsonObject config = client.awaitDiagnostics(mark, uri(".virtcpu.json"), p -> p.getAsJsonArray("diagnostics").size() > 0).params();
        JsonObject d = diagnostics(config).get(0);
        assertEquals("config-problem", d.get("code").getAsString());
        assertEquals(1, d.get("severity").getAsInt());
    }

    @Test
    void changedHostFileChangesTheDiagnosticsWithoutRestart() throws Exception {
        start(FULL_CAPABILITIES);
        String u = uri("domains/db-too-new.xml");
        assertTrue(diagnostics(open(u, read("domains/db-too-new.xml"))).stream()
                .anyMatch(d -> d.get("message").getAsString().contains(" that kvm-prod-04 lacks: ")));
        // kvm-prod-04 is replaced by a copy of the newest host.
        Path host = examples.resolve("hosts/prod/kvm-prod-04.xml");
        Files.writeString(host, read("hosts/prod/kvm-prod-03.xml"));
        int mark = client.mark();
        client.notify("workspace/didChangeWatchedFiles", obj("changes", List.of(obj("uri", host.toUri().toString(), "type", 2))));
        JsonObject after = client.awaitDiagnostics(mark, u, p -> true).params();
        assertFalse(codes(after).contains("host-missing-model-feature"), after.toString());
        assertEquals("required feature 'avx512vnni' is missing on 1 of 4 hosts of host set 'prod': kvm-prod-01",
                diagnostics(after).get(0).get("message").getAsString());
    }

    // ---- completion and hover ----------------------------------------------------------------

    @Test
    void modelCompletionRanksModelsThatRunOnEveryHostFirstWithDocumentation() throws Exception {
        start(MINIMAL_CAPABILITIES);
        String u = uri("domains/db-too-new.xml");
        String text = read("domains/db-too-new.xml");
        open(u, text);
        int[] p = find(text, "Cascadelake-Server</model>", 0);
        JsonElement completion = client.call("textDocument/completion", at(u, p[0], p[1]));
        assertEquals(List.of("Haswell-v4", "Haswell-v2", "Haswell-noTSX-IBRS", "Haswell-noTSX"), labels(completion).subList(0, 4));
        JsonObject cascade = item(completion, "Cascadelake-Server");
        assertEquals("Intel · runs on 2/4 hosts", cascade.get("detail").getAsString());
        assertEquals("markdown", cascade.getAsJsonObject("documentation").get("kind").getAsString());
        assertTrue(cascade.getAsJsonObject("documentation").get("value").getAsString().contains("kvm-prod-04: lacks hle"));
        JsonObject range = cascade.getAsJsonObject("textEdit").getAsJsonObject("range");
        assertEquals(p[1], range.getAsJsonObject("start").get("character").getAsInt());
        assertEquals(p[1] + 18, range.getAsJsonObject("end").get("character").getAsInt());
    }

    @Test
    void clientsThatResolveCompletionItemsGetModelDocumentationOnResolve() throws Exception {
        start(obj("textDocument", obj("completion", obj("completionItem", obj(
                "resolveSupport", obj("properties", List.of("documentation")),
                "documentationFormat", List.of("markdown"))))));
        String u = uri("domains/db-too-new.xml");
        String text = read("domains/db-too-new.xml");
        open(u, text);
        int[] p = find(text, "Cascadelake-Server</model>", 0);
        JsonElement completion = client.call("textDocument/completion", at(u, p[0], p[1]));
        JsonObject cascade = item(completion, "Cascadelake-Server");
        assertFalse(cascade.has("documentation"), "documentation is left to completionItem/resolve");
        JsonObject resolved = client.call("completionItem/resolve", cascade).getAsJsonObject();
        assertTrue(resolved.getAsJsonObject("documentation").get("value").getAsString().contains("kvm-prod-04: lacks hle"));
    }

    @Test
    void clientsThatAcceptItemDefaultsGetTheEditRangeOnceForTheWholeList() throws Exception {
        start(obj("textDocument", obj("completion", obj("completionList", obj("itemDefaults", List.of("editRange"))))));
        String u = uri("domains/db-too-new.xml");
        String text = read("domains/db-too-new.xml");
        open(u, text);
        int[] p = find(text, "Cascadelake-Server</model>", 0);
        JsonObject completion = client.call("textDocument/completion", at(u, p[0], p[1])).getAsJsonObject();
        JsonObject range = completion.getAsJsonObject("itemDefaults").getAsJsonObject("editRange");
        assertEquals(p[1], range.getAsJsonObject("start").get("character").getAsInt());
        assertEquals(p[1] + 18, range.getAsJsonObject("end").get("character").getAsInt());
        assertFalse(item(completion, "Cascadelake-Server").has("textEdit"));
    }

    @Test
    void featureNameCompletionOffersFeaturesEveryHostHasFirst() throws Exception {
        start(MINIMAL_CAPABILITIES);
        String u = uri("domains/db-too-new.xml");
        String text = read("domains/db-too-new.xml").replace("name='pku'", "name=''");
        open(u, text);
        int[] p = find(text, "name=''", 6);
        JsonElement completion = client.call("textDocument/completion", at(u, p[0], p[1]));
        assertEquals(List.of("abm", "acpi", "aes"), labels(completion).subList(0, 3));
        assertEquals("CPUID 0x7.0 ECX bit 11 · on 2/4 hosts", item(completion, "avx512vnni").get("detail").getAsString());
    }

    @Test
    void cpuSnippetIsASnippetForClientsThatSupportThem() throws Exception {
        start(FULL_CAPABILITIES);
        String u = uri("domains/new.xml");
        String text = "<domain type='kvm'>\n  <name>new</name>\n  <\n</domain>\n";
        open(u, text);
        JsonObject cpu = item(client.call("textDocument/completion", at(u, 2, 3)), "cpu");
        assertEquals(2, cpu.get("insertTextFormat").getAsInt());
        assertTrue(cpu.getAsJsonObject("textEdit").get("newText").getAsString().contains("Haswell-noTSX-IBRS"));
    }

    @Test
    void hoverOnAModelSaysWhichHostsLackIt() throws Exception {
        start(MINIMAL_CAPABILITIES);
        String u = uri("domains/db-too-new.xml");
        String text = read("domains/db-too-new.xml");
        open(u, text);
        int[] p = find(text, "Cascadelake-Server", 4);
        JsonObject hover = client.call("textDocument/hover", at(u, p[0], p[1])).getAsJsonObject();
        String md = hover.getAsJsonObject("contents").get("value").getAsString();
        assertTrue(md.startsWith("**Cascadelake-Server** — CPU model"), md);
        assertTrue(md.contains("**Host set 'prod':** runs on 2 of 4 hosts"), md);
        assertEquals(p[1] - 4, hover.getAsJsonObject("range").getAsJsonObject("start").get("character").getAsInt());
    }

    @Test
    void hoverOnAFeatureCountsTheHostsThatHaveIt() throws Exception {
        start(MINIMAL_CAPABILITIES);
        String u = uri("domains/db-too-new.xml");
        String text = read("domains/db-too-new.xml");
        open(u, text);
        int[] p = find(text, "avx512vnni", 2);
        String md = client.call("textDocument/hover", at(u, p[0], p[1])).getAsJsonObject().getAsJsonObject("contents").get("value").getAsString();
        assertTrue(md.startsWith("**avx512vnni** — CPU feature"), md);
        assertTrue(md.contains("2 of 4 hosts have it; lacking: kvm-prod-01, kvm-prod-04"), md);
    }

    @Test
    void hoverOnAFindingExplainsItsRule() throws Exception {
        start(MINIMAL_CAPABILITIES);
        String u = uri("domains/typos.xml");
        String text = read("domains/typos.xml");
        open(u, text);
        int[] p = find(text, "Haswel-noTSX", 2);
        String md = client.call("textDocument/hover", at(u, p[0], p[1])).getAsJsonObject().getAsJsonObject("contents").get("value").getAsString();
        assertTrue(md.startsWith("**unknown-model** (error): "), md);
        assertTrue(md.contains(dev.virtcpu.analysis.rules.Rules.byCode("unknown-model").rationale()), md);
    }

    @Test
    void cancelledCompletionIsAnsweredAndTheServerGoesOn() throws Exception {
        start(MINIMAL_CAPABILITIES);
        String u = uri("domains/db-too-new.xml");
        String text = read("domains/db-too-new.xml");
        open(u, text);
        int[] p = find(text, "Cascadelake-Server", 0);
        var pending = client.request("textDocument/completion", at(u, p[0], p[1]));
        client.notify("$/cancelRequest", obj("id", client.lastId()));
        JsonObject response = pending.get(30, java.util.concurrent.TimeUnit.SECONDS);
        if (response.has("error")) {
            assertEquals(-32800, response.getAsJsonObject("error").get("code").getAsInt(), response.toString());
        } else {
            assertTrue(response.has("result"));
        }
        JsonElement again = client.call("textDocument/completion", at(u, p[0], p[1]));
        assertFalse(labels(again).isEmpty());
    }

    // ---- commands ----------------------------------------------------------------------------

    @Test
    void hostSetsCommandListsTheConfiguredSets() throws Exception {
        start(MINIMAL_CAPABILITIES);
        String u = uri("domains/db-too-new.xml");
        open(u, read("domains/db-too-new.xml"));
        JsonObject r = client.call("workspace/executeCommand", obj("command", "virtcpu.hostSets", "arguments", List.of(u))).getAsJsonObject();
        assertEquals("prod", r.get("active").getAsString());
        JsonArray sets = r.getAsJsonArray("sets");
        assertEquals("prod", sets.get(0).getAsJsonObject().get("name").getAsString());
        assertEquals(4, sets.get(0).getAsJsonObject().get("hosts").getAsInt());
        assertEquals("Haswell-noTSX-IBRS", sets.get(0).getAsJsonObject().get("baselineModel").getAsString());
        assertEquals("lab", sets.get(1).getAsJsonObject().get("name").getAsString());
        assertEquals(3, sets.get(1).getAsJsonObject().get("hosts").getAsInt());
    }

    @Test
    void theCodeLensCommandRunsOnTheServerForClientsOtherThanVsCode() throws Exception {
        start(MINIMAL_CAPABILITIES);
        String u = uri("domains/db-too-new.xml");
        open(u, read("domains/db-too-new.xml"));
        JsonObject lens = client.call("textDocument/codeLens", obj("textDocument", obj("uri", u))).getAsJsonArray()
                .get(0).getAsJsonObject().getAsJsonObject("command");
        int mark = client.mark();
        JsonObject r = client.call("workspace/executeCommand", obj("command", lens.get("command").getAsString(),
                "arguments", lens.getAsJsonArray("arguments"))).getAsJsonObject();
        assertEquals("prod", r.get("hostSet").getAsString());
        assertTrue(r.get("xml").getAsString().contains("<model fallback='allow'>Haswell-noTSX-IBRS</model>"), r.toString());
        String shown = client.await(mark, m -> "window/showMessage".equals(m.method()), 30_000).params().get("message").getAsString();
        assertTrue(shown.startsWith("virtcpu: baseline of host set 'prod' (4 hosts): Haswell-noTSX-IBRS"), shown);
    }

    @Test
    void aHostFilesOwnProblemsStayWhenTheHostFileIsOpened() throws Exception {
        String broken = "<capabilities><host><cpu><arch>x86_64</arch><model>Haswell</model></cpu></host>\n";
        Files.writeString(examples.resolve("hosts/prod/kvm-prod-05.xml"), broken);
        start(MINIMAL_CAPABILITIES);
        String host = uri("hosts/prod/kvm-prod-05.xml");
        int mark = client.mark();
        open(uri("domains/db-too-new.xml"), read("domains/db-too-new.xml"));
        JsonObject before = client.awaitDiagnostics(mark, host, p -> p.getAsJsonArray("diagnostics").size() > 0).params();
        assertEquals(List.of("host-file-problem"), codes(before));
        JsonObject opened = open(host, broken);
        assertEquals(codes(before), codes(opened));
        mark = client.mark();
        client.notify("textDocument/didClose", obj("textDocument", obj("uri", host)));
        assertEquals(codes(before), codes(client.awaitDiagnostics(mark, host, p -> true).params()), "closing keeps the file's problems");
    }

    @Test
    void baselineCommandReturnsTheSetsBaselineXml() throws Exception {
        start(MINIMAL_CAPABILITIES);
        String u = uri("domains/db-too-new.xml");
        open(u, read("domains/db-too-new.xml"));
        JsonObject r = client.call("workspace/executeCommand", obj("command", "virtcpu.baseline", "arguments", List.of(u, "lab"))).getAsJsonObject();
        assertEquals("lab", r.get("hostSet").getAsString());
        assertEquals(3, r.get("hosts").getAsInt());
        assertTrue(r.get("xml").getAsString().contains("<model fallback='allow'>EPYC-Rome</model>"), r.toString());
        assertEquals("EPYC-Rome +12 features", r.get("summary").getAsString());
    }

    @Test
    void selectHostSetCommandRechecksOpenDocumentsAgainstTheChosenSet() throws Exception {
        start(MINIMAL_CAPABILITIES);
        String u = uri("domains/db-too-new.xml");
        open(u, read("domains/db-too-new.xml"));
        int mark = client.mark();
        client.call("workspace/executeCommand", obj("command", "virtcpu.selectHostSet", "arguments", List.of(u, "lab")));
        JsonObject after = client.awaitDiagnostics(mark, u, p -> true).params();
        List<JsonObject> ds = diagnostics(after);
        assertTrue(ds.get(ds.size() - 1).get("message").getAsString().contains("of host set 'lab'"), after.toString());
        assertTrue(codes(after).contains("host-vendor-mismatch"), after.toString());
    }

    // ---- the process -------------------------------------------------------------------------

    @Test
    void shutdownThenExitEndsTheServerWithStatus0() throws Exception {
        start(MINIMAL_CAPABILITIES);
        open(uri("domains/web-good.xml"), read("domains/web-good.xml"));
        assertEquals(0, client.shutdownAndExit());
    }

    @Test
    void exitWithoutShutdownEndsTheServerWithStatus1() throws Exception {
        start(MINIMAL_CAPABILITIES);
        client.notify("exit", null);
        assertTrue(client.process().waitFor(20, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(1, client.process().exitValue());
    }

    @Test
    void stdoutCarriesOnlyProtocolMessages() throws Exception {
        Files.writeString(examples.resolve("hosts/prod/kvm-prod-05.xml"), "<capabilities><host><cpu><model>Nope");
        start(FULL_CAPABILITIES);
        String u = uri("domains/typos.xml");
        String text = read("domains/typos.xml");
        open(u, text);
        int[] p = find(text, "Haswel-noTSX", 2);
        client.call("textDocument/completion", at(u, p[0], p[1]));
        client.call("textDocument/hover", at(u, p[0], p[1]));
        client.call("textDocument/codeAction", obj("textDocument", obj("uri", u), "range", obj("start", position(0, 0),
                "end", position(40, 0)), "context", obj("diagnostics", List.of())));
        client.call("workspace/executeCommand", obj("command", "virtcpu.baseline", "arguments", List.of(u)));
        open(uri("not-a-domain.xml"), read("not-a-domain.xml"));
        assertEquals(0, client.shutdownAndExit());
        assertEquals(List.of(), client.protocolViolations());
    }
}
