package dev.virtcpu.lsp;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A minimal LSP client over a real process's stdio: raw JSON-RPC framing, so that anything on the
 * server's stdout that is not a well-formed message is noticed ({@link #protocolViolations()}).
 * Server-to-client requests are answered with null (or a list of nulls for workspace/configuration).
 * Every received message is kept with its arrival time ({@link Received#nanos()}).
 */
public final class LspClient implements AutoCloseable {
    /** A message from the server and when it arrived (System.nanoTime). */
    public record Received(JsonObject message, long nanos) {
        public String method() {
            return message.has("method") ? message.get("method").getAsString() : null;
        }

        public JsonObject params() {
            return message.getAsJsonObject("params");
        }
    }

    private static final Gson GSON = new Gson();

    private final Process process;
    private final OutputStream in;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    private final List<Received> notifications = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final List<JsonObject> idless = new ArrayList<>();
    private final StringBuffer stderr = new StringBuffer();
    private final Thread reader;

    private LspClient(Process process) {
        this.process = process;
        this.in = process.getOutputStream();
        this.reader = new Thread(this::readLoop, "lsp-client-reader");
        reader.setDaemon(true);
        reader.start();
        Thread err = new Thread(() -> drain(process.getErrorStream()), "lsp-client-stderr");
        err.setDaemon(true);
        err.start();
    }

    /** The server command line as the tests run it: this JVM's java, this JVM's classpath, {@code Main lsp}. */
    public static List<String> serverCommand(String... jvmOptions) {
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) cp = System.getProperty("java.class.path");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(jvmOptions));
        cmd.addAll(List.of("-cp", cp, "dev.virtcpu.cli.Main", "lsp"));
        return cmd;
    }

    public static LspClient start(List<String> command, Path workingDir) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (workingDir != null) pb.directory(workingDir.toFile());
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        return new LspClient(pb.start());
    }

    public Process process() { return process; }

    public String stderr() { return stderr.toString(); }

    public synchronized List<String> protocolViolations() { return new ArrayList<>(violations); }

    // ---- sending -------------------------------------------------------------------------------

    public CompletableFuture<JsonObject> request(String method, Object params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonObject> f = new CompletableFuture<>();
        pending.put(id, f);
        JsonObject m = new JsonObject();
        m.addProperty("jsonrpc", "2.0");
        m.addProperty("id", id);
        m.addProperty("method", method);
        if (params != null) m.add("params", GSON.toJsonTree(params));
        send(m);
        return f;
    }

    /** The id the next {@link #request} will use (to cancel it). */
    public int lastId() { return ids.get(); }

    /** A JSON object from alternating keys and values (maps, lists, strings, numbers, booleans, null). */
    public static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    /** Sends a request and waits for its result (fails on an error response). */
    public JsonElement call(String method, Object params) throws Exception {
        JsonObject r = request(method, params).get(30, TimeUnit.SECONDS);
        if (r.has("error")) throw new AssertionError(method + " failed: " + r.get("error"));
        return r.get("result");
    }

    public void notify(String method, Object params) {
        JsonObject m = new JsonObject();
        m.addProperty("jsonrpc", "2.0");
        m.addProperty("method", method);
        if (params != null) m.add("params", GSON.toJsonTree(params));
        send(m);
    }

    /** Bytes as they are, framing and all (to send damaged frames). */
    public void sendRaw(byte[] bytes) {
        synchronized (in) {
            try {
                in.write(bytes);
                in.flush();
            } catch (IOException e) {
                throw new IllegalStateException("cannot write to the server: " + e + "\nstderr:\n" + stderr, e);
            }
        }
    }

    /** A well-formed frame around a body. */
    public static byte[] frame(String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return (("Content-Length: " + b.length + "\r\n\r\n") + body).getBytes(StandardCharsets.UTF_8);
    }

    /** The future of the response to a request sent raw with this id. */
    public CompletableFuture<JsonObject> expect(int id) {
        CompletableFuture<JsonObject> f = new CompletableFuture<>();
        pending.put(id, f);
        return f;
    }

    public int nextId() {
        return ids.incrementAndGet();
    }

    /** Responses with a null id (JSON-RPC's answer to a message that could not be read). */
    public synchronized List<JsonObject> idlessResponses() { return new ArrayList<>(idless); }

    /** Closes the server's standard input (a client that goes away without exit). */
    public void closeInput() throws IOException {
        synchronized (in) {
            in.close();
        }
    }

    private void send(JsonObject m) {
        byte[] body = GSON.toJson(m).getBytes(StandardCharsets.UTF_8);
        synchronized (in) {
            write(body);
        }
    }

    private void write(byte[] body) {
        try {
            in.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            in.write(body);
            in.flush();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write to the server: " + e + "\nstderr:\n" + stderr, e);
        }
    }

    // ---- receiving -----------------------------------------------------------------------------

    /** Index of the next notification to arrive (for {@link #await(int, Predicate, long)}). */
    public synchronized int mark() { return notifications.size(); }

    /** The first notification at or after {@code from} that matches, waiting up to {@code millis}. */
    public synchronized Received await(int from, Predicate<Received> p, long millis) throws InterruptedException, TimeoutException {
        long deadline = System.currentTimeMillis() + millis;
        int i = from;
        while (true) {
            for (; i < notifications.size(); i++) {
                if (p.test(notifications.get(i))) return notifications.get(i);
            }
            long left = deadline - System.currentTimeMillis();
            if (left <= 0 || !process.isAlive() && i >= notifications.size()) {
                throw new TimeoutException("no matching notification within " + millis + " ms; received "
                        + notifications.subList(from, notifications.size()).stream().map(Received::method).toList()
                        + (process.isAlive() ? "" : "; server exited") + "\nstderr:\n" + stderr);
            }
            wait(left);
        }
    }

    /** The next publishDiagnostics for {@code uri} from {@code from} on that matches. */
    public Received awaitDiagnostics(int from, String uri, Predicate<JsonObject> p) throws Exception {
        return await(from, r -> "textDocument/publishDiagnostics".equals(r.method())
                && uri.equals(r.params().get("uri").getAsString()) && p.test(r.params()), 30_000);
    }

    public synchronized List<Received> notifications() { return new ArrayList<>(notifications); }

    private void readLoop() {
        InputStream out = process.getInputStream();
        try {
            while (true) {
                int length = -1;
                String line;
                while (!(line = readLine(out)).isEmpty()) {
                    String lower = line.toLowerCase();
                    if (lower.startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).trim());
                    } else if (!lower.startsWith("content-type:")) {
                        violation("not an LSP header: " + line);
                    }
                }
                if (length < 0) {
                    violation("message without Content-Length");
                    continue;
                }
                byte[] body = out.readNBytes(length);
                if (body.length < length) return;
                long at = System.nanoTime();
                JsonObject m;
                try {
                    m = JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
                } catch (RuntimeException e) {
                    violation("body is not a JSON object: " + new String(body, StandardCharsets.UTF_8));
                    continue;
                }
                dispatch(m, at);
            }
        } catch (IOException | IllegalStateException e) {
            // process ended
        } finally {
            synchronized (this) {
                notifyAll();
            }
            pending.values().forEach(f -> f.completeExceptionally(new IOException("server ended\nstderr:\n" + stderr)));
        }
    }

    private void dispatch(JsonObject m, long at) {
        boolean hasId = m.has("id") && !m.get("id").isJsonNull();
        if (m.has("method") && hasId) {
            JsonObject r = new JsonObject();
            r.addProperty("jsonrpc", "2.0");
            r.add("id", m.get("id"));
            if (m.get("method").getAsString().equals("workspace/configuration")) {
                JsonArray nulls = new JsonArray();
                for (JsonElement ignored : m.getAsJsonObject("params").getAsJsonArray("items")) nulls.add(JsonNull.INSTANCE);
                r.add("result", nulls);
            } else {
                r.add("result", JsonNull.INSTANCE);
            }
            send(r);
            record(m, at);
        } else if (m.has("method")) {
            record(m, at);
        } else if (hasId) {
            CompletableFuture<JsonObject> f = pending.remove(m.get("id").getAsInt());
            if (f != null) f.complete(m);
        } else if (m.has("result") || m.has("error")) {
            synchronized (this) {
                idless.add(m);
                notifyAll();
            }
        } else {
            violation("neither request, response nor notification: " + m);
        }
    }

    private synchronized void record(JsonObject m, long at) {
        notifications.add(new Received(m, at));
        notifyAll();
    }

    private synchronized void violation(String what) {
        violations.add(what);
    }

    private static String readLine(InputStream s) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = s.read()) >= 0) {
            if (c == '\n') {
                byte[] bytes = b.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.UTF_8);
            }
            b.write(c);
        }
        throw new IOException("end of stream");
    }

    private void drain(InputStream s) {
        byte[] buf = new byte[4096];
        try {
            int n;
            while ((n = s.read(buf)) >= 0) stderr.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        } catch (IOException ignored) {
            // process ended
        }
    }

    // ---- ending --------------------------------------------------------------------------------

    /** shutdown, then exit; returns the exit status. */
    public int shutdownAndExit() throws Exception {
        call("shutdown", null);
        notify("exit", null);
        if (!process.waitFor(20, TimeUnit.SECONDS)) throw new AssertionError("server did not exit after 'exit'");
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
