package dev.custodian.server.commit.scu;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Periodically ends the transactions whose report did not come by their deadline ({@code Timeout},
 * terminal: a later report is answered but not applied) and deletes the oldest finished
 * transactions beyond {@code StorageCommitmentReportsSize} (0 keeps all). Pending ones are never
 * trimmed. Runs on the executor given (one named thread made by the application).
 */
public final class DeadlineSweeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeadlineSweeper.class);

    private final ScuTransactionStore store;
    private final ScuSettings settings;
    private final Clock clock;
    private final ReportSignals signals;
    private final ScheduledExecutorService executor;

    public DeadlineSweeper(ScuTransactionStore store, ScuSettings settings, Clock clock, ReportSignals signals,
                           ScheduledExecutorService executor) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.signals = Objects.requireNonNull(signals, "signals");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** Sweeps every {@code period}, the first time at once (what a stop left overdue). */
    public DeadlineSweeper start(Duration period) {
        executor.scheduleWithFixedDelay(this::sweepQuietly, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One sweep: overdue Pending → Timeout, then the retention. */
    public void sweep() {
        for (String uid : store.expire(clock.millis())) {
            LOG.warn("Storage Commitment transaction {}: no complete report within {} s, now Timeout", uid,
                    settings.deadline().toSeconds());
            signals.fire(uid);
        }
        if (settings.retention() > 0) {
            int n = store.trimFinished(settings.retention());
            if (n > 0) {
                LOG.debug("{} finished Storage Commitment transactions beyond StorageCommitmentReportsSize {} removed",
                        n, settings.retention());
            }
        }
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warn("Storage Commitment deadline sweep failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
