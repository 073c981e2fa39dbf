package dev.custodian.server.index;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies SQLite's write-ahead log back into the database file on its own thread, so that no
 * writer pays for it in its commit (SQLite "Write-Ahead Logging", §3 Checkpointing): every
 * {@code interval} a {@code PASSIVE} checkpoint, which runs beside the writers. A passive
 * checkpoint syncs the WAL before copying, so the durability of committed transactions stays the
 * one {@link IndexDatabase} states. The WAL is rewound only when a checkpoint has copied all of it
 * before the next write; under a steady ingest that moment may not come, so when the WAL holds
 * more than {@code maxWalFrames} frames the next checkpoint runs between two write transactions
 * ({@link GroupCommit#exclusively}) — it then has only the last frames to copy. Used with
 * {@code wal_autocheckpoint=0}; a failed checkpoint is logged and tried again at the next tick.
 */
final class WalCheckpointer implements AutoCloseable {
    static final Duration DEFAULT_INTERVAL = Duration.ofMillis(250);
    /** 8,192 frames of 4 KiB pages: a 32 MiB WAL. */
    static final long DEFAULT_MAX_WAL_FRAMES = 8192;
    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);

    /** SQLite's answer to {@code PRAGMA wal_checkpoint}: busy flag, frames in the WAL, frames copied. */
    record Result(boolean busy, long walFrames, long checkpointedFrames) {}

    private final Jdbi jdbi;
    private final GroupCommit writer;
    private final long maxWalFrames;
    private final ScheduledExecutorService thread;
    private volatile boolean walTooLong;
    /** Consecutive failed ticks; touched by the checkpoint thread only. */
    private int failures;

    WalCheckpointer(Jdbi jdbi, GroupCommit writer, long maxWalFrames) {
        this.jdbi = jdbi;
        this.writer = writer;
        this.maxWalFrames = maxWalFrames;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "index-wal-checkpoint");
            t.setDaemon(true);
            return t;
        });
    }

    static WalCheckpointer start(Jdbi jdbi, GroupCommit writer, Duration interval) {
        WalCheckpointer c = new WalCheckpointer(jdbi, writer, DEFAULT_MAX_WAL_FRAMES);
        c.thread.scheduleWithFixedDelay(c::checkpointQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return c;
    }

    /** One passive checkpoint, between two write transactions when the WAL was found too long. */
    Result checkpoint() {
        Result r = walTooLong ? writer.exclusively(this::passive) : passive();
        walTooLong = r.walFrames() > maxWalFrames;
        return r;
    }

    private Result passive() {
        return jdbi.withHandle(h -> h.createQuery("PRAGMA wal_checkpoint(PASSIVE)")
                .map((rs, ctx) -> new Result(rs.getInt(1) != 0, rs.getLong(2), rs.getLong(3))).one());
    }

    /**
     * A tick: one checkpoint. A failure is logged once, when it starts, and its end once: on a
     * full disk every tick fails, and a line every 250 ms would bury the one that matters.
     */
    void checkpointQuietly() {
        try {
            checkpoint();
            if (failures > 0) {
                LOG.info("index WAL checkpoint succeeded again after {} failed attempts", failures);
                failures = 0;
            }
        } catch (RuntimeException e) {
            if (failures++ == 0) {
                LOG.warn("index WAL checkpoint failed (tried again at every tick, logged again once it succeeds): {}",
                        e.toString());
            }
        }
    }

    /** Stops the thread, waiting for a checkpoint in progress; closing the last connection checkpoints. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
