package dev.virtcpu.lemminx;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A minimal LSP client over a child process's stdio: JSON-RPC framing, request/response matching,
 * the latest publishDiagnostics per URI, and log messages for failure reports. Requests from the
 * server are answered with a null result.
 */
final class LspProcess implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final Process process;
    private final OutputStream out;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    private final Map<String, JsonObject> diagnostics = new ConcurrentHashMap<>();
    private final List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    LspProcess(String name, List<String> command, Path workDir) throws IOException {
        this.name = name;
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        process = pb.start();
        out = process.getOutputStream();
        Thread reader = new Thread(this::readLoop, name + "-reader");
        reader.setDaemon(true);
        reader.start();
        Thread err = new Thread(() -> {
            try {
                process.getErrorStream().transferTo(stderr);
            } catch (IOException ignored) {
                // process ended
            }
        }, name + "-stderr");
        err.setDaemon(true);
        err.start();
    }

    JsonElement request(String method, JsonElement params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonObject> f = new CompletableFuture<>();
        pending.put(id, f);
        JsonObject msg = new JsonObject();
        msg.addProperty("jsonrpc", "2.0");
        msg.addProperty("id", id);
        msg.addProperty("method", method);
        msg.add("params", params == null ? JsonNull.INSTANCE : params);
        send(msg);
        JsonObject response;
        try {
            response = f.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(name + ": no answer to " + method + "\n" + diagnosticsReport());
        }
        if (response.has("error")) throw new AssertionError(name + ": " + method + " failed: " + response.get("error") + "\n" + diagnosticsReport());
        return response.get("result");
    }

    void notify(String method, JsonElement params) throws IOException {
        JsonObject msg = new JsonObject();
        msg.addProperty("jsonrpc", "2.0");
        msg.addProperty("method", method);
        msg.add("params", params);
        send(msg);
    }

    /** Waits for a publishDiagnostics of {@code uri} whose params satisfy {@code ready}. */
    JsonObject awaitDiagnostics(String uri, Predicate<JsonObject> ready) throws InterruptedException {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < end) {
            JsonObject p = diagnostics.get(uri);
            if (p != null && ready.test(p)) return p;
            if (!process.isAlive()) break;
            Thread.sleep(50);
        }
        throw new AssertionError(name + ": no matching diagnostics for " + uri + "; last: " + diagnostics.get(uri) + "\n" + diagnosticsReport());
    }

    void forgetDiagnostics(String uri) {
        diagnostics.remove(uri);
    }

    String diagnosticsReport() {
        List<String> copy;
        synchronized (log) {
            copy = new ArrayList<>(log);
        }
        return "server log:\n  " + String.join("\n  ", copy) + "\nstderr:\n" + stderr.toString(StandardCharsets.UTF_8);
    }

    private synchronized void send(JsonObject msg) throws IOException {
        byte[] body = msg.toString().getBytes(StandardCharsets.UTF_8);
        out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private void readLoop() {
        try (InputStream in = process.getInputStream()) {
            while (true) {
                int length = -1;
                String line;
                while (!(line = readLine(in)).isEmpty()) {
                    if (line.toLowerCase().startsWith("content-length:")) length = Integer.parseInt(line.substring(15).trim());
                }
                if (length < 0) continue;
                byte[] body = in.readNBytes(length);
                if (body.length < length) return;
                dispatch(JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject());
            }
        } catch (IOException | RuntimeException e) {
            log.add("reader stopped: " + e);
        }
    }

    private void dispatch(JsonObject msg) throws IOException {
        if (msg.has("method") && msg.has("id")) {
            JsonObject reply = new JsonObject();
            reply.addProperty("jsonrpc", "2.0");
            reply.add("id", msg.get("id"));
            reply.add("result", JsonNull.INSTANCE);
            send(reply);
        } else if (msg.has("method")) {
            String method = msg.get("method").getAsString();
            JsonObject params = msg.has("params") && msg.get("params").isJsonObject() ? msg.getAsJsonObject("params") : new JsonObject();
            if (method.equals("textDocument/publishDiagnostics")) diagnostics.put(params.get("uri").getAsString(), params);
            else if (method.equals("window/logMessage")) log.add(params.has("message") ? params.get("message").getAsString() : params.toString());
        } else if (msg.has("id")) {
            CompletableFuture<JsonObject> f = pending.remove(msg.get("id").getAsInt());
            if (f != null) f.complete(msg);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') break;
            if (c != '\r') sb.append((char) c);
        }
        if (c == -1 && sb.length() == 0) throw new IOException("end of stream");
        return sb.toString();
    }

    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                request("shutdown", null);
                notify("exit", null);
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (Exception | AssertionError ignored) {
            // killed below
        } finally {
            process.destroyForcibly();
        }
    }
}
