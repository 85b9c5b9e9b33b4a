package dev.virtcpu.lsp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Buffered bytes of the client's stream, with bounded line reads and bytes put back for re-reading. */
final class FrameInput {
    private final InputStream in;
    private byte[] buf = new byte[64 * 1024];
    private int pos;
    private int end;

    FrameInput(InputStream in) {
        this.in = in;
    }

    /** The next byte, or -1 at the end of the input. */
    private int read() throws IOException {
        if (pos == end && !fill()) return -1;
        return buf[pos++] & 0xff;
    }

    private boolean fill() throws IOException {
        if (pos == end) {
            pos = 0;
            end = 0;
        }
        int n = in.read(buf, end, buf.length - end);
        if (n <= 0) return false;
        end += n;
        return true;
    }

    /**
     * A line without its CR/LF, or null at the end of the input. A line longer than {@code max} is
     * returned cut at {@code max} bytes (the rest comes as the next line), so garbage never grows a buffer.
     */
    byte[] readLine(int max) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = read()) >= 0) {
            if (c == '\n') break;
            if (c != '\r') line.write(c);
            if (line.size() >= max) break;
        }
        if (c < 0 && line.size() == 0) return null;
        return line.toByteArray();
    }

    /** Up to {@code length} bytes into {@code dst} (at least one, waiting for it), or -1 at the end of the input. */
    int read(byte[] dst, int off, int length) throws IOException {
        if (pos == end && !fill()) return -1;
        int take = Math.min(end - pos, length);
        System.arraycopy(buf, pos, dst, off, take);
        pos += take;
        return take;
    }

    /** Puts bytes back in front of what is still unread. */
    void unread(byte[] bytes, int from, int length) {
        byte[] rest = Arrays.copyOfRange(buf, pos, end);
        byte[] merged = new byte[Math.max(buf.length, length + rest.length)];
        System.arraycopy(bytes, from, merged, 0, length);
        System.arraycopy(rest, 0, merged, length, rest.length);
        buf = merged;
        pos = 0;
        end = length + rest.length;
    }
}
