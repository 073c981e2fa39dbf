package dev.custodian.server.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.server.index.DatabaseFailures;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jobs engine: submits jobs, runs them on {@code ConcurrentJobs} workers (highest priority
 * first), and applies Orthanc's actions ({@link JobActions}). The database is the only queue, so
 * every node sharing it sees the same jobs; this node's workers and the lease renewal run on the
 * executors given to the constructor (named threads made by the application).
 */
public final class JobsEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobsEngine.class);

    private final JobStore store;
    private final JobTypes types;
    private final JobsSettings settings;
    private final Clock clock;
    private final ExecutorService workers;
    private final ScheduledExecutorService leases;
    private final ObjectMapper json = new ObjectMapper();
    private final String node = UUID.randomUUID().toString();
    private final Semaphore wake = new Semaphore(0);
    private final Outage lookingFailed = new Outage();
    private final Outage renewingFailed = new Outage();
    /** The jobs this node's workers are running now: the only leases it renews. */
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final JobRunner runner;
    private final JobActions actions;
    private volatile boolean stopping;
    private volatile boolean started;

    public JobsEngine(JobStore store, JobTypes types, JobsSettings settings, Clock clock, ExecutorService workers,
                      ScheduledExecutorService leases) {
        this.store = Objects.requireNonNull(store, "store");
        this.types = Objects.requireNonNull(types, "types");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.workers = Objects.requireNonNull(workers, "workers");
        this.leases = Objects.requireNonNull(leases, "leases");
        this.runner = new JobRunner(store, types, clock, json, node, settings.lease().toMillis(), () -> stopping,
                this::trimHistory);
        this.actions = new JobActions(store, types, clock, json, this::wakeUp, this::trimHistory);
    }

    /**
     * Resumes what a previous run left (on a single-node index, jobs it was running go back to
     * Pending; with {@code SaveJobs} false they are dropped instead), then starts the workers.
     */
    public JobsEngine start() {
        if (!store.shared()) {
            if (!settings.saveJobs()) {
                int n = store.deleteAll();
                if (n > 0) {
                    LOG.info("SaveJobs is false: {} jobs of the previous run dropped", n);
                }
            } else {
                for (String id : store.requeueRunning()) {
                    LOG.info("job {}: Running -> Pending (interrupted by the previous stop; resumes from its last step)", id);
                }
            }
        }
        trimHistory();
        started = true;
        for (int i = 0; i < settings.concurrentJobs(); i++) {
            workers.execute(this::workLoop);
        }
        long period = Math.max(1, settings.lease().toMillis() / 3);
        leases.scheduleAtFixedRate(this::renewLeases, period, period, TimeUnit.MILLISECONDS);
        LOG.info("jobs engine started: {} workers, history {}, node {}", settings.concurrentJobs(),
                settings.historySize(), node);
        return this;
    }

    /** Saves a new Pending job; returns its ID. */
    public String submit(Job job, int priority) {
        String id = UUID.randomUUID().toString();
        store.insert(new JobRecord(id, job.type(), JobState.PENDING, priority, job.progress(), clock.instant(), null,
                0, JobError.NONE, text(job.content()), text(job.serialize()), null, null, null, null));
        LOG.info("job {} ({}): submitted, Pending, priority {}", id, job.type(), priority);
        wakeUp();
        return id;
    }

    /** Rows a job owns, written in the job's own insert transaction. */
    @FunctionalInterface
    public interface Companion {
        void write(org.jdbi.v3.core.Handle handle, String jobId);
    }

    /**
     * Saves a new job held back (state Retry) until {@link #releaseHeld} or until {@code hold} has
     * passed, in the same database transaction as the rows {@code companion} writes: nothing is
     * saved unless all of it is. For work that must not start before its requester has been
     * answered (a Storage Commitment report must follow its N-ACTION-RSP), yet must start even
     * if this node dies right after answering.
     */
    public void submitHeld(String id, Job job, int priority, java.time.Duration hold, Companion companion) {
        store.inTransaction(h -> {
            companion.write(h, id);
            insert(h, id, job, priority, hold);
        });
        LOG.info("job {} ({}): submitted, held until its request is answered, priority {}", id, job.type(), priority);
    }

    /**
     * As {@link #submitHeld}, for a caller that runs the transaction itself (its rows arrive
     * over time): saves the held job in {@code handle}'s open transaction, which the caller
     * commits (the job exists then) or rolls back.
     */
    public void insertHeld(org.jdbi.v3.core.Handle handle, String id, Job job, int priority, java.time.Duration hold) {
        insert(handle, id, job, priority, hold);
        LOG.info("job {} ({}): saved, held until its request is answered, priority {}", id, job.type(), priority);
    }

    private void insert(org.jdbi.v3.core.Handle h, String id, Job job, int priority, java.time.Duration hold) {
        JobRecord r = new JobRecord(id, job.type(), JobState.RETRY, priority, job.progress(), clock.instant(), null,
                0, JobError.NONE, text(job.content()), text(job.serialize()), null, null, null,
                clock.millis() + hold.toMillis());
        store.insert(h, r);
    }

    /** A new random job ID (for {@link #submitHeld}). */
    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** A held job becomes Pending now; false when it was not held any more. */
    public boolean releaseHeld(String id) {
        boolean released = store.transition(id, List.of(JobState.RETRY), JobState.PENDING, JobError.NONE, null);
        if (released) {
            wakeUp();
        }
        return released;
    }

    public Optional<JobRecord> find(String id) {
        return store.find(id);
    }

    public List<JobRecord> list() {
        return store.all();
    }

    public JobActions.Outcome pause(String id) {
        return actions.pause(id);
    }

    public JobActions.Outcome resume(String id) {
        return actions.resume(id);
    }

    public JobActions.Outcome cancel(String id) {
        return actions.cancel(id);
    }

    public JobActions.Outcome resubmit(String id) {
        return actions.resubmit(id);
    }

    /** Lets idle workers look for work now (after a submit, resume, resubmit, or in tests after a clock change). */
    public void wakeUp() {
        if (wake.availablePermits() < settings.concurrentJobs()) {
            wake.release(settings.concurrentJobs());
        }
    }

    /** True once {@link #close()} has begun. */
    public boolean isStopping() {
        return stopping;
    }

    private void workLoop() {
        while (!stopping) {
            Optional<JobStore.Claim> claim;
            try {
                long now = clock.millis();
                claim = store.claim(node, types.names(), now, now + settings.lease().toMillis());
                lookingFailed.ifEnded(LOG, "jobs: the workers can look for work again");
            } catch (RuntimeException e) {
                lookingFailed.failed(LOG, "jobs: cannot look for work", e);
                claim = Optional.empty();
            }
            if (claim.isPresent()) {
                String id = claim.get().job().id();
                running.add(id);
                try {
                    runner.run(claim.get());
                } catch (RuntimeException e) {
                    if (DatabaseFailures.isUnavailable(e)) {
                        LOG.error("job {}: the worker failed: the database is unavailable: {}", id,
                                DatabaseFailures.describe(e));
                    } else {
                        LOG.error("job {}: the worker failed", id, e);
                    }
                    runner.requeueAfterError(claim.get().job());
                } finally {
                    running.remove(id);
                }
                continue;
            }
            try {
                wake.tryAcquire(settings.poll().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void renewLeases() {
        try {
            store.renewLeases(node, Set.copyOf(running), clock.millis() + settings.lease().toMillis());
            renewingFailed.ifEnded(LOG, "jobs: leases of node " + node + " renewed again");
        } catch (RuntimeException e) {
            renewingFailed.failed(LOG, "jobs: cannot renew the leases of node " + node, e);
        }
    }

    private void trimHistory() {
        int n = store.trimHistory(settings.historySize());
        if (n > 0) {
            LOG.debug("jobs: {} finished jobs beyond JobsHistorySize {} removed", n, settings.historySize());
        }
    }

    private String text(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise a job's JSON", e);
        }
    }

    /**
     * Stops the workers: each finishes its step in progress (up to the shutdown grace, then it is
     * interrupted) and puts its job back to Pending at the last saved step.
     */
    @Override
    public void close() {
        stopping = true;
        wake.release(settings.concurrentJobs() * 2);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("jobs: steps still running after {} ms; interrupting them", settings.shutdownGrace().toMillis());
                workers.shutdownNow();
                workers.awaitTermination(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
        leases.shutdownNow();
        if (started) {
            LOG.info("jobs engine stopped");
        }
    }
}
