package dev.custodian.server.commit.scu;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Wakes whoever waits in this process for a transaction's report (a forward-and-release job's
 * step) as soon as the report is stored; the waiter then reads the database, which stays the
 * source of truth: a missed signal only costs one wait period.
 */
public final class ReportSignals {
    private final ConcurrentHashMap<String, CountDownLatch> waiting = new ConcurrentHashMap<>();

    /** Waits up to {@code max} for a report to {@code uid}; true when one came. */
    public boolean await(String uid, Duration max) throws InterruptedException {
        CountDownLatch latch = waiting.computeIfAbsent(uid, u -> new CountDownLatch(1));
        try {
            return latch.await(max.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            waiting.remove(uid, latch);
        }
    }

    /** A report to {@code uid} was stored (or it ended otherwise). */
    public void fire(String uid) {
        CountDownLatch latch = waiting.remove(uid);
        if (latch != null) {
            latch.countDown();
        }
    }
}
