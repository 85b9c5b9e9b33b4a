package dev.virtcpu.lsp;

import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageIssueException;
import org.eclipse.lsp4j.jsonrpc.MessageIssueHandler;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Message;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads LSP frames ({@code Content-Length: N}, a blank line, N bytes of JSON) and survives damaged
 * ones: a header line that is no header, a missing, unreadable or huge Content-Length, a body that is
 * no JSON, and a Content-Length too short or too long for its message. After each, reading goes on
 * at the next {@code Content-Length:} header, so one bad frame costs one message, not the connection.
 * Each damaged frame is reported once through {@code onDamage} (which tells the client and logs).
 */
final class FrameReader implements MessageProducer {
    static final int MAX_HEADER_LINE = 8 * 1024;
    static final int MAX_CONTENT_LENGTH = 256 * 1024 * 1024;
    private static final byte[] HEADER = "content-length:".getBytes(StandardCharsets.US_ASCII);

    private final FrameInput in;
    private final MessageJsonHandler json;
    private final MessageIssueHandler issues;
    private final Damage onDamage;
    private volatile boolean open = true;

    /** Told of every damaged frame; {@code body} when it was a message body that could not be read. */
    interface Damage {
        void accept(String what, boolean body);

        default void accept(String what) {
            accept(what, false);
        }
    }

    /** What {@link #parse} returns for a message LSP4J's issue handler has already answered. */
    private static final Message HANDLED = new org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage();

    FrameReader(InputStream in, MessageJsonHandler json, MessageIssueHandler issues, Damage onDamage) {
        this.in = new FrameInput(in);
        this.json = json;
        this.issues = issues;
        this.onDamage = onDamage;
    }

    @Override
    public void listen(MessageConsumer callback) {
        try {
            while (open) {
                byte[] body = nextBody();
                if (body == null) return;
                deliver(body, callback);
            }
        } catch (IOException e) {
            // stdin closed or broken: the connection is over
        }
    }

    void close() {
        open = false;
    }

    /** The next frame's body, or null at the end of the input. */
    private byte[] nextBody() throws IOException {
        while (true) {
            int length = headers();
            if (length == Integer.MIN_VALUE) return null;
            if (length < 0) continue;
            return body(length);
        }
    }

    /**
     * Reads header lines up to the blank line; returns the content length, -1 after a damaged header
     * block (already reported), or {@link Integer#MIN_VALUE} at the end of the input.
     */
    private int headers() throws IOException {
        int length = -1;
        boolean any = false;
        while (true) {
            byte[] line = in.readLine(MAX_HEADER_LINE);
            if (line == null) return Integer.MIN_VALUE;
            if (line.length == 0) {
                if (!any) continue;
                if (length >= 0) return length;
                onDamage.accept("a message without a Content-Length header");
                return -1;
            }
            int at = indexOfIgnoreCase(line, line.length, HEADER, 0);
            if (at > 0 || at < 0 && !isHeader(line)) {
                onDamage.accept("skipped " + (at < 0 ? line.length : at) + " bytes that are not an LSP header");
                if (at < 0) continue;
            }
            any = true;
            if (at >= 0) {
                length = contentLength(new String(line, at + HEADER.length, line.length - at - HEADER.length,
                        StandardCharsets.US_ASCII).trim());
                if (length < 0) return -1;
            }
        }
    }

    private int contentLength(String value) {
        long n;
        try {
            n = Long.parseLong(value);
        } catch (NumberFormatException e) {
            onDamage.accept("Content-Length '" + abbreviate(value) + "' is not a number");
            return -1;
        }
        if (n < 0 || n > MAX_CONTENT_LENGTH) {
            onDamage.accept("Content-Length " + n + " is outside 0.." + MAX_CONTENT_LENGTH);
            return -1;
        }
        return (int) n;
    }

    /**
     * The body of a frame, or null at the end of the input. When a header follows a whole message
     * before the declared length is reached, the Content-Length was too long: the body ends there and
     * the rest is read again as the next frame (so a wrong length costs no later message).
     */
    private byte[] body(int length) throws IOException {
        byte[] body = new byte[Math.min(length, 1 << 20)];
        int n = 0;
        while (n < length) {
            if (n == body.length) body = Arrays.copyOf(body, (int) Math.min(length, 2L * body.length));
            int from = Math.max(1, n - HEADER.length + 1);
            int r = in.read(body, n, Math.min(body.length, length) - n);
            if (r < 0) return null;
            n += r;
            int split = splitPoint(body, from, n);
            if (split > 0) {
                in.unread(body, split, n - split);
                onDamage.accept("Content-Length " + length + " is longer than its message (" + split + " bytes)");
                return Arrays.copyOf(body, split);
            }
        }
        return body;
    }

    /** The first header in body[from, n) before which the bytes are a whole message, or -1. */
    private int splitPoint(byte[] body, int from, int n) {
        for (int at = indexOfIgnoreCase(body, n, HEADER, from); at > 0; at = indexOfIgnoreCase(body, n, HEADER, at + 1)) {
            Message m = parse(body, at);
            if (m != null && m != HANDLED) return at;
        }
        return -1;
    }

    /** Parses and hands on one body. */
    private void deliver(byte[] body, MessageConsumer callback) {
        Message m = parse(body, body.length);
        if (m == HANDLED) return;
        if (m == null) {
            onDamage.accept("a message body that is not a JSON-RPC message ("
                    + body.length + " bytes: " + abbreviate(new String(body, StandardCharsets.UTF_8)) + ")", true);
            return;
        }
        try {
            callback.consume(m);
        } catch (MessageIssueException e) {
            issues.handle(e.getRpcMessage(), e.getIssues());
        } catch (RuntimeException e) {
            System.err.println("virtcpu lsp: handling " + m.getClass().getSimpleName() + " failed: " + e);
        }
    }

    /** The message in body[0, length), or null when it is no JSON-RPC message (issues go to the issue handler). */
    private Message parse(byte[] body, int length) {
        String text = new String(body, 0, length, StandardCharsets.UTF_8);
        try {
            return json.parseMessage(text);
        } catch (MessageIssueException e) {
            if (e.getRpcMessage() == null || e.getIssues().stream().allMatch(i -> i.getIssueCode() == -32700)) return null;
            issues.handle(e.getRpcMessage(), e.getIssues());
            return HANDLED;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** {@code Name: value} with a token name (letters, digits, '-'), as Content-Type is. */
    private static boolean isHeader(byte[] line) {
        for (int i = 0; i < line.length; i++) {
            byte b = line[i];
            if (b == ':') return i > 0;
            if (!(Character.isLetterOrDigit(b) && b < 0x80 || b == '-')) return false;
        }
        return false;
    }

    /** Where {@code needle} (lower case) starts in haystack[from, end), ignoring ASCII case, or -1. */
    static int indexOfIgnoreCase(byte[] haystack, int end, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= end - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (Character.toLowerCase(haystack[i + j]) != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }

    private static String abbreviate(String s) {
        String oneLine = s.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 60) + "…";
    }
}
