package dev.custodian.net.ul;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** The Association Request/Reject/Release timer. PS3.8 §9.1.5. */
final class ArtimTimer {

    private final ScheduledExecutorService scheduler;
    private final Duration timeout;
    private final Runnable onExpiry;
    private ScheduledFuture<?> pending;

    ArtimTimer(ScheduledExecutorService scheduler, Duration timeout, Runnable onExpiry) {
        this.scheduler = scheduler;
        this.timeout = timeout;
        this.onExpiry = onExpiry;
    }

    /** Starts, or restarts if already running. */
    synchronized void start() {
        stop();
        pending = scheduler.schedule(onExpiry, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    synchronized void stop() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }
}
