package dev.virtcpu.hosts;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Texts of files another part of the same run has just read ({@code lint} reads every {@code *.xml}
 * of a tree to find the domains, host files among them), so that loading a host set does not read
 * them again. Bounded: small files only, up to a total; each text is taken once.
 */
final class ReadAhead {
    static final int MAX_FILE_CHARS = 64 * 1024;
    static final long MAX_TOTAL_CHARS = 16L * 1024 * 1024;

    private final Map<Path, String> texts = new ConcurrentHashMap<>();
    private final AtomicLong total = new AtomicLong();

    /** @param file an absolute, normalized path */
    void offer(Path file, String text) {
        if (text.length() > MAX_FILE_CHARS || total.addAndGet(text.length()) > MAX_TOTAL_CHARS) return;
        texts.put(file, text);
    }

    /** The text offered for the file (then forgotten), or null. */
    String take(Path file) {
        return texts.isEmpty() ? null : texts.remove(file);
    }

    void clear() {
        texts.clear();
        total.set(0);
    }
}
