package dev.virtcpu.lsp;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.virtcpu.testing.Prerequisites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Neovim's built-in LSP client (Debian's 0.7.2) against the server: src/test/nvim/virtcpu.lua runs
 * headless, opens a domain from a copy of examples/, and writes what it saw as JSON. Skipped when
 * nvim is not installed, except in CI (env CI set), where it must be.
 */
class NeovimClientTest {
    @TempDir
    Path tmp;

    @Test
    void neovimGetsDiagnosticsCompletionAndHoverAndStopsTheServerCleanly() throws Exception {
        Path nvim = Prerequisites.nvim();
        Path examples = tmp.resolve("examples");
        Path source = LspEndToEndTest.projectDir().resolve("examples");
        try (Stream<Path> s = Files.walk(source)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = examples.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        Path result = tmp.resolve("result.json");
        Path script = LspEndToEndTest.projectDir().resolve("src/test/nvim/virtcpu.lua");
        List<String> cmd = new ArrayList<>(List.of(nvim.toString(), "--headless", "-u", "NONE", "-i", "NONE", "-n",
                "-c", "luafile " + script));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("nvim.log").toFile());
        pb.environment().put("VIRTCPU_CMD", new Gson().toJson(LspClient.serverCommand()));
        pb.environment().put("VIRTCPU_FILE", examples.resolve("domains/db-too-new.xml").toString());
        pb.environment().put("VIRTCPU_OUT", result.toString());
        pb.environment().put("XDG_STATE_HOME", tmp.resolve("state").toString());
        pb.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        Process p = pb.start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) fail("nvim did not finish within 120 s; log:\n" + Files.readString(tmp.resolve("nvim.log")));
        } finally {
            p.destroyForcibly();
        }
        assertTrue(Files.exists(result), "no result from nvim; log:\n" + Files.readString(tmp.resolve("nvim.log")));
        JsonObject r = JsonParser.parseString(Files.readString(result)).getAsJsonObject();
        assertFalse(r.has("error"), "script failed: " + r);
        assertEquals(0, p.exitValue());

        assertTrue(r.get("got_diagnostics").getAsBoolean(), r.toString());
        JsonObject first = r.getAsJsonArray("diagnostics").get(0).getAsJsonObject();
        assertEquals("host-missing-model-feature", first.get("code").getAsString());
        assertEquals("virtcpu", first.get("source").getAsString());
        assertEquals(16, first.get("lnum").getAsInt());
        assertEquals(29, first.get("col").getAsInt());
        assertTrue(first.get("message").getAsString().startsWith("CPU model Cascadelake-Server needs 15 features that kvm-prod-04 lacks: "),
                first.toString());

        JsonArray completion = r.getAsJsonArray("completion");
        List<String> labels = new ArrayList<>();
        for (JsonElement e : completion) labels.add(e.getAsJsonObject().get("label").getAsString());
        assertEquals(List.of("Haswell-v4", "Haswell-v2", "Haswell-noTSX-IBRS", "Haswell-noTSX", "IvyBridge-v2"), labels);
        assertEquals("Intel · runs on 4/4 hosts · since libvirt 11.3.0 (not in 9.0.0)", completion.get(0).getAsJsonObject().get("detail").getAsString());
        assertTrue(completion.get(0).getAsJsonObject().get("documentation").getAsString().startsWith("**Haswell-v4**"));

        assertTrue(r.get("hover").getAsString().contains("**Host set 'prod':** runs on 2 of 4 hosts"), r.get("hover").toString());
        assertTrue(r.get("exited").getAsBoolean(), "server did not exit after stop_client");
        assertEquals(0, r.get("exit_code").getAsInt(), "server exit status");
    }
}
