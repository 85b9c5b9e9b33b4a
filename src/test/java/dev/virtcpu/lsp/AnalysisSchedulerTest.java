package dev.virtcpu.lsp;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnalysisSchedulerTest {
    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

    private int runs(String uri) {
        return runs.getOrDefault(uri, new AtomicInteger()).get();
    }

    @Test
    void aBurstOfChangesDuringAnAnalysisIsAnalysedOnceMore() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch second = new CountDownLatch(2);
        AnalysisScheduler s = new AnalysisScheduler(2, uri -> {
            runs.computeIfAbsent(uri, k -> new AtomicInteger()).incrementAndGet();
            started.countDown();
            await(release);
            second.countDown();
        });
        s.schedule("a");
        assertTrue(started.await(10, TimeUnit.SECONDS));
        for (int i = 0; i < 10_000; i++) s.schedule("a");
        release.countDown();
        assertTrue(second.await(10, TimeUnit.SECONDS));
        Thread.sleep(200);
        assertEquals(2, runs("a"), "the first version, then the latest once");
        s.shutdown();
    }

    @Test
    void aSlowDocumentDelaysNoOther() throws Exception {
        CountDownLatch slowStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch fastDone = new CountDownLatch(3);
        AnalysisScheduler s = new AnalysisScheduler(2, uri -> {
            runs.computeIfAbsent(uri, k -> new AtomicInteger()).incrementAndGet();
            if (uri.equals("slow")) {
                slowStarted.countDown();
                await(release);
            } else {
                fastDone.countDown();
            }
        });
        s.schedule("slow");
        assertTrue(slowStarted.await(10, TimeUnit.SECONDS));
        s.schedule("b");
        s.schedule("c");
        s.schedule("d");
        assertTrue(fastDone.await(10, TimeUnit.SECONDS), "other documents waited for the slow one");
        release.countDown();
        s.shutdown();
    }

    private static void await(CountDownLatch l) {
        try {
            l.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
