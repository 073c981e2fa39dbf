package dev.custodian.server.verify;

import dev.custodian.server.index.Verifications;
import dev.custodian.server.jobs.JobState;
import dev.custodian.server.jobs.JobsEngine;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code StorageVerificationPeriod}: every period, a verification of the whole storage is
 * submitted at low priority, unless one is still pending or running (a slow one is not doubled).
 */
public final class VerificationSchedule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VerificationSchedule.class);
    /** Below the default 0 of jobs asked for through the REST API. */
    static final int PRIORITY = -10;

    private final JobsEngine jobs;
    private final StorageVerificationJobType type;
    private final ScheduledExecutorService timer;

    private VerificationSchedule(JobsEngine jobs, StorageVerificationJobType type, ScheduledExecutorService timer) {
        this.jobs = jobs;
        this.type = type;
        this.timer = timer;
    }

    /** Submits the first run after one period, then one per period. */
    public static VerificationSchedule start(JobsEngine jobs, StorageVerificationJobType type, Duration period,
                                             ScheduledExecutorService timer) {
        VerificationSchedule s = new VerificationSchedule(jobs, type, timer);
        timer.scheduleAtFixedRate(s::submitUnlessRunning, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("storage verification of everything every {}", period);
        return s;
    }

    void submitUnlessRunning() {
        try {
            boolean busy = jobs.list().stream().anyMatch(r -> r.type().equals(StorageVerificationJob.TYPE)
                    && (r.state() == JobState.PENDING || r.state() == JobState.RUNNING || r.state() == JobState.RETRY
                    || r.state() == JobState.PAUSED) && r.content().contains("\"Level\":\"All\""));
            if (busy) {
                LOG.info("scheduled storage verification skipped: the previous one has not finished");
                return;
            }
            type.create(Verifications.Scope.ALL, "scheduled").ifPresent(job -> jobs.submit(job, PRIORITY));
        } catch (RuntimeException e) {
            LOG.warn("scheduled storage verification could not be submitted: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
