package dev.custodian.server.jobs;

import java.time.Duration;
import java.util.Objects;

/**
 * The engine's limits: {@code ConcurrentJobs} workers, {@code JobsHistorySize} finished jobs
 * kept, {@code SaveJobs} (false: jobs left by a previous run are dropped at start-up instead of
 * resumed). {@code lease} bounds how long a job stays claimed by a node that stopped renewing
 * it; {@code poll} is how often idle workers look for work submitted by other nodes or whose
 * retry delay has passed; {@code shutdownGrace} is how long closing waits for steps in progress.
 */
public record JobsSettings(int concurrentJobs, int historySize, boolean saveJobs, Duration lease, Duration poll,
                           Duration shutdownGrace) {
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);
    public static final Duration DEFAULT_POLL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

    public JobsSettings {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(poll, "poll");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (concurrentJobs < 1) {
            throw new IllegalArgumentException("ConcurrentJobs must be >= 1: " + concurrentJobs);
        }
        if (historySize < 0) {
            throw new IllegalArgumentException("JobsHistorySize must be >= 0: " + historySize);
        }
        if (lease.toMillis() < 3 || poll.toMillis() < 1 || poll.compareTo(lease) >= 0) {
            throw new IllegalArgumentException("need 0 < poll < lease, got poll " + poll + ", lease " + lease);
        }
    }

    public static JobsSettings of(int concurrentJobs, int historySize, boolean saveJobs) {
        return new JobsSettings(concurrentJobs, historySize, saveJobs, DEFAULT_LEASE, DEFAULT_POLL, DEFAULT_GRACE);
    }
}
