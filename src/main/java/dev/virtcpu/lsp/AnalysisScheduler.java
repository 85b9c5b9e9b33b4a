package dev.virtcpu.lsp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs the analysis of each document: at most one run per document at a time, and documents in
 * parallel on a few threads, so a slow document delays no other. A change to an idle document is
 * analysed at once (typing gets diagnostics as fast as the analysis allows); changes that arrive
 * while the document is being analysed mean a burst: the next run waits until the document has been
 * quiet for {@link #QUIET_MS}, so a burst of any length is analysed once more, at its final version.
 */
final class AnalysisScheduler {
    private enum State { QUEUED, RUNNING, RUNNING_AND_CHANGED }

    static final long QUIET_MS = 50;

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final Map<String, Long> lastChange = new ConcurrentHashMap<>();
    private final ExecutorService pool;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "virtcpu-analysis-timer");
        t.setDaemon(true);
        return t;
    });
    private final Consumer<String> analysis;

    /** @param analysis analyses and publishes the latest version of a document (by URI); never throws */
    AnalysisScheduler(int threads, Consumer<String> analysis) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "virtcpu-analysis-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.analysis = analysis;
    }

    static int defaultThreads() {
        return Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** The document changed: analyse its latest version soon. */
    void schedule(String uri) {
        lastChange.put(uri, System.nanoTime());
        boolean[] submit = {false};
        states.compute(uri, (k, s) -> {
            if (s == null) {
                submit[0] = true;
                return State.QUEUED;
            }
            return s == State.RUNNING ? State.RUNNING_AND_CHANGED : s;
        });
        if (submit[0]) pool.submit(() -> run(uri));
    }

    private void run(String uri) {
        states.put(uri, State.RUNNING);
        try {
            analysis.accept(uri);
        } finally {
            boolean[] again = {false};
            states.compute(uri, (k, s) -> {
                again[0] = s == State.RUNNING_AND_CHANGED;
                return again[0] ? State.QUEUED : null;
            });
            if (again[0]) afterQuiet(uri);
        }
    }

    /** Runs the document's analysis once no change has come for {@link #QUIET_MS}. */
    private void afterQuiet(String uri) {
        long waitNanos = lastChange.getOrDefault(uri, 0L) + TimeUnit.MILLISECONDS.toNanos(QUIET_MS) - System.nanoTime();
        if (waitNanos <= 0) pool.submit(() -> run(uri));
        else timer.schedule(() -> afterQuiet(uri), waitNanos, TimeUnit.NANOSECONDS);
    }

    /** Runs a task on the analysis threads (warming up, for instance). */
    void submit(Runnable task) {
        pool.submit(task);
    }

    /** The document is closed: nothing more to remember about it. */
    void forget(String uri) {
        lastChange.remove(uri);
    }

    void shutdown() {
        timer.shutdownNow();
        pool.shutdownNow();
    }
}
