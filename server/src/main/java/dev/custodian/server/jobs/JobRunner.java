package dev.custodian.server.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import dev.custodian.server.index.DatabaseFailures;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one claimed job on the calling worker thread, step after step, saving it after each, until
 * it succeeds, fails, asks to be retried, is paused or cancelled between two steps, or the engine
 * stops (then it goes back to Pending at its last saved step). One log line per state change, a
 * warning when the job fails by itself.
 * However the run ends, the job object is then {@link Job#close() closed}.
 *
 * <p>While the database is unavailable (a PostgreSQL restart): a step that fails on it goes to
 * Retry and runs again from its last saved step, not to Failure; the runner's own saves are tried
 * again until they land, so a job that finished is never put back to run a second time.</p>
 */
final class JobRunner {
    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
    /** A step cut short by an unavailable database runs again after this. */
    static final Duration UNAVAILABLE_RETRY = Duration.ofSeconds(1);
    private static final Duration PERSIST_FIRST_DELAY = Duration.ofMillis(100);
    private static final Duration PERSIST_MAX_DELAY = Duration.ofSeconds(2);

    private final JobStore store;
    private final JobTypes types;
    private final Clock clock;
    private final ObjectMapper json;
    private final String node;
    private final long leaseMillis;
    private final BooleanSupplier stopping;
    private final Runnable finished;

    JobRunner(JobStore store, JobTypes types, Clock clock, ObjectMapper json, String node, long leaseMillis,
              BooleanSupplier stopping, Runnable finished) {
        this.store = store;
        this.types = types;
        this.clock = clock;
        this.json = json;
        this.node = node;
        this.leaseMillis = leaseMillis;
        this.stopping = stopping;
        this.finished = finished;
    }

    static void logTransition(String id, String type, JobState from, JobState to, String why) {
        LOG.info("job {} ({}): {} -> {}{}", id, type, from.orthancName(), to.orthancName(),
                why == null || why.isEmpty() ? "" : " (" + why + ")");
    }

    void run(JobStore.Claim claim) {
        JobRecord r = claim.job();
        logTransition(r.id(), r.type(), claim.from(), JobState.RUNNING, claim.from() == JobState.RUNNING
                ? "taken over from a node whose lease expired" : null);
        Job job;
        try {
            job = types.restore(r.type(), json.readTree(r.jobState()));
        } catch (IOException | RuntimeException e) {
            end(r, null, JobState.FAILURE, JobError.internal("cannot restore the job: " + e.getMessage()), r.runtimeMillis());
            return;
        }
        try {
            runSteps(r, job);
        } finally {
            closeQuietly(r, job);
        }
    }

    private static void closeQuietly(JobRecord r, Job job) {
        try {
            job.close();
        } catch (RuntimeException e) {
            LOG.warn("job {} ({}): cannot release what it held", r.id(), r.type(), e);
        }
    }

    private void runSteps(JobRecord r, Job job) {
        long runtime = r.runtimeMillis();
        Saved saved = new Saved(r.progress(), r.content(), r.jobState());
        JobContext context = new JobContext(r.id(), clock, stopping);
        while (true) {
            if (stopping.getAsBoolean()) {
                requeue(r);
                return;
            }
            long t0 = System.nanoTime();
            StepResult result;
            try {
                result = job.step(context);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                requeue(r); // the step was cut short by a forced shutdown: redo it after the restart
                return;
            } catch (RuntimeException e) {
                if (DatabaseFailures.isUnavailable(e)) {
                    retryFromSaved(r, saved, runtime, DatabaseFailures.describe(e));
                    return;
                }
                LOG.warn("job {} ({}): step failed unexpectedly", r.id(), r.type(), e);
                result = StepResult.failure(JobError.internal(e.toString()));
            }
            runtime += (System.nanoTime() - t0) / 1_000_000;
            if (Thread.currentThread().isInterrupted()) {
                requeue(r);
                return;
            }
            if (!(result instanceof StepResult.Continue)) {
                finish(r, job, result, runtime);
                return;
            }
            Saved step = new Saved(job.progress(), text(job.content()), text(job.serialize()));
            long spent = runtime;
            JobStore.Saved outcome = persist(r, () -> store.saveStep(r.id(), node, step.progress(), step.content(),
                    step.jobState(), spent, clock.millis() + leaseMillis));
            switch (outcome) {
                case CONTINUE -> saved = step;
                case LOST -> {
                    LOG.warn("job {} ({}): no longer owned by this node (lease lost or changed elsewhere); stopping it here",
                            r.id(), r.type());
                    return;
                }
                case PAUSE -> {
                    end(r, job, JobState.PAUSED, JobError.NONE, runtime);
                    return;
                }
                case CANCEL -> {
                    end(r, job, JobState.FAILURE, JobError.canceled(), runtime);
                    return;
                }
            }
        }
    }

    private void finish(JobRecord r, Job job, StepResult result, long runtime) {
        if (result instanceof StepResult.Success) {
            end(r, job, JobState.SUCCESS, JobError.NONE, runtime);
        } else if (result instanceof StepResult.Failure f) {
            end(r, job, JobState.FAILURE, f.error(), runtime);
        } else if (result instanceof StepResult.Retry retry) {
            long at = clock.millis() + retry.delay().toMillis();
            JobUpdate update = new JobUpdate(job.progress(), text(job.content()), text(job.serialize()), runtime, at,
                    null, JobError.NONE);
            if (persist(r, () -> store.release(r.id(), node, JobState.RETRY, update))) {
                logTransition(r.id(), r.type(), JobState.RUNNING, JobState.RETRY,
                        "again in " + retry.delay().toMillis() + " ms" + (retry.reason().isEmpty() ? "" : ": " + retry.reason()));
            }
        }
    }

    /** Leaves Running for {@code to}; {@code job} null keeps the saved state as it is. */
    private void end(JobRecord r, Job job, JobState to, JobError error, long runtime) {
        int progress = job == null ? r.progress() : to == JobState.SUCCESS ? 100 : job.progress();
        String content = job == null ? r.content() : text(job.content());
        String state = job == null ? r.jobState() : text(job.serialize());
        Long completion = to.isFinished() ? clock.millis() : null;
        JobUpdate update = new JobUpdate(progress, content, state, runtime, null, completion, error);
        // saved again until the database takes it: requeued instead, a finished job would run again
        if (persist(r, () -> store.release(r.id(), node, to, update))) {
            String why = error.isNone() ? null
                    : error.description() + (error.details().isEmpty() ? "" : ": " + error.details());
            if (to == JobState.FAILURE && error.code() != JobError.canceled().code()) {
                // a job that failed by itself (not cancelled) is worth a warning, still one line
                LOG.warn("job {} ({}): Running -> Failure ({})", r.id(), r.type(), why);
            } else {
                logTransition(r.id(), r.type(), JobState.RUNNING, to, why);
            }
            if (to.isFinished()) {
                finished.run();
            }
        }
    }

    /**
     * The step could not reach the database (a restart of PostgreSQL, a pool timeout): whatever it
     * did is redone from the last saved step, after {@link #UNAVAILABLE_RETRY}. One WARN line.
     */
    private void retryFromSaved(JobRecord r, Saved saved, long runtime, String why) {
        long at = clock.millis() + UNAVAILABLE_RETRY.toMillis();
        JobUpdate update = new JobUpdate(saved.progress(), saved.content(), saved.jobState(), runtime, at, null,
                JobError.NONE);
        if (persist(r, () -> store.release(r.id(), node, JobState.RETRY, update))) {
            LOG.warn("job {} ({}): Running -> Retry (the database is unavailable: {}; again from its last saved step "
                    + "in {} ms)", r.id(), r.type(), why, UNAVAILABLE_RETRY.toMillis());
        }
    }

    /**
     * Runs one of the runner's own writes, again (backing off up to {@link #PERSIST_MAX_DELAY})
     * for as long as the database is unavailable and the engine is not stopping: one WARN line
     * when it first fails, one INFO line when it is saved. Other failures propagate at once.
     */
    private <T> T persist(JobRecord r, Supplier<T> write) {
        long delay = PERSIST_FIRST_DELAY.toMillis();
        int failures = 0;
        while (true) {
            try {
                T result = write.get();
                if (failures > 0) {
                    LOG.info("job {} ({}): state saved after {} attempt(s), the database is back", r.id(), r.type(),
                            failures + 1);
                }
                return result;
            } catch (RuntimeException e) {
                if (!DatabaseFailures.isUnavailable(e) || stopping.getAsBoolean()) {
                    throw e;
                }
                if (failures++ == 0) {
                    LOG.warn("job {} ({}): cannot save its state, the database is unavailable ({}); trying again",
                            r.id(), r.type(), DatabaseFailures.describe(e));
                }
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                delay = Math.min(delay * 2, PERSIST_MAX_DELAY.toMillis());
            }
        }
    }

    /** After an unexpected error of the runner itself: back to Pending at the last saved step, if still ours. */
    void requeueAfterError(JobRecord r) {
        try {
            requeue(r);
        } catch (RuntimeException e) {
            if (DatabaseFailures.isUnavailable(e)) {
                LOG.error("job {} ({}): cannot put it back to Pending ({}); another node or the next start takes it "
                        + "over once its lease expires", r.id(), r.type(), DatabaseFailures.describe(e));
            } else {
                LOG.error("job {} ({}): cannot put it back to Pending; another node or the next start takes it over "
                        + "once its lease expires", r.id(), r.type(), e);
            }
        }
    }

    /** Back to Pending with the state of the last completed step (already saved). */
    private void requeue(JobRecord r) {
        JobRecord now = store.find(r.id()).orElse(r);
        if ("pause".equals(now.control()) || "cancel".equals(now.control())) {
            boolean cancel = "cancel".equals(now.control());
            JobState to = cancel ? JobState.FAILURE : JobState.PAUSED;
            JobError error = cancel ? JobError.canceled() : JobError.NONE;
            if (store.release(r.id(), node, to, new JobUpdate(now.progress(), now.content(), now.jobState(),
                    now.runtimeMillis(), null, cancel ? clock.millis() : null, error))) {
                logTransition(r.id(), r.type(), JobState.RUNNING, to, cancel ? error.description() : null);
            }
            return;
        }
        if (store.release(r.id(), node, JobState.PENDING, new JobUpdate(now.progress(), now.content(), now.jobState(),
                now.runtimeMillis(), null, null, JobError.NONE))) {
            logTransition(r.id(), r.type(), JobState.RUNNING, JobState.PENDING, "the server is stopping");
        }
    }

    /** What the database holds of a job after its last saved step. */
    private record Saved(int progress, String content, String jobState) {}

    private String text(Object node) {
        try {
            return json.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise a job's JSON", e);
        }
    }
}
