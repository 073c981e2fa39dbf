package dev.custodian.server.commit.scp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custodian.server.commit.check.CheckedTransaction;
import dev.custodian.server.commit.check.CommitmentCheck;
import dev.custodian.server.commit.check.Verdict;
import dev.custodian.server.commit.scp.ScpJobState.Phase;
import dev.custodian.server.jobs.Job;
import dev.custodian.server.jobs.JobContext;
import dev.custodian.server.jobs.JobError;
import dev.custodian.server.jobs.StepResult;
import dev.custodian.stgcmt.FailureReason;
import dev.custodian.stgcmt.SopReference;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orthanc's {@code StorageCommitmentScp} job: checks the references of one request batch by batch
 * through its {@link CommitmentCheck}, saving verdicts and ledger rows with each batch, then
 * delivers the report (PS3.4 §J.3.3) with retries and exponential back-off until the deadline.
 * The saved state is a cursor ({@link ScpJobState}); the request itself is in {@link
 * CommitmentStore}'s rows, which the first step of a restored job reads again.
 */
final class ScpJob implements Job {
    static final String TYPE = "StorageCommitmentScp";
    private static final Logger LOG = LoggerFactory.getLogger(ScpJob.class);
    /** Check failures (I/O) of one batch tolerated before its instances fail with 0213H. */
    private static final int CHECK_ATTEMPTS = 5;
    /** Longest a step waits for storing associations to end. */
    private static final Duration GRACE_STEP = Duration.ofSeconds(2);

    private final ScpServices services;
    private final ScpJobHeader header;
    private ScpJobState state;
    private CommitmentCheck.Lookup lookup;

    ScpJob(ScpServices services, ScpJobHeader header, ScpJobState state) {
        this.services = Objects.requireNonNull(services, "services");
        this.header = Objects.requireNonNull(header, "header");
        this.state = Objects.requireNonNull(state, "state");
    }

    @Override
    public String type() {
        return TYPE;
    }

    ScpJobState state() {
        return state;
    }

    /**
     * One step. When the index refuses to read or write the job's rows (a full disk, a database
     * that went away), the step is retried with back-off rather than failing the job: the
     * requester is owed a report, and nothing of the step was saved.
     */
    @Override
    public StepResult step(JobContext context) throws InterruptedException {
        ScpJobState before = state;
        try {
            return switch (state.phase()) {
                case CHECK -> header.duplicate() ? failDuplicate() : checkStep(context);
                case REPORT -> reportStep(context);
                case DONE -> StepResult.success();
            };
        } catch (JdbiException e) {
            state = before;
            return indexFailed(e);
        }
    }

    private StepResult indexFailed(JdbiException e) {
        state = state.indexFailed("the index refused the job's rows: " + rootMessage(e));
        Duration delay = Backoff.delay(services.config(), state.indexErrors());
        LOG.warn("job {}: Storage Commitment {}: {}; the step is retried in {} ms", header.jobId(),
                header.transactionUid(), state.lastError(), delay.toMillis());
        return StepResult.retry(delay, state.lastError());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    private StepResult failDuplicate() {
        services.store().failAll(header.jobId(), FailureReason.DUPLICATE_TRANSACTION_UID,
                "Transaction UID " + header.transactionUid() + " is already in use by an unfinished request");
        state = state.checked(header.count(), 0, header.count()).inPhase(Phase.REPORT);
        return StepResult.proceed();
    }

    private StepResult checkStep(JobContext context) throws InterruptedException {
        List<SopReference> refs = services.store().references(header.jobId(), state.cursor(), CommitmentStore.BATCH);
        List<Verdict> verdicts;
        try {
            verdicts = verdicts(refs);
            if (waitForStores(context, verdicts)) {
                return StepResult.proceed(); // the same batch again, once the stores have ended
            }
        } catch (IOException e) {
            return checkFailed(context, refs, e);
        }
        save(context, refs, verdicts);
        return StepResult.proceed();
    }

    private List<Verdict> verdicts(List<SopReference> refs) throws IOException {
        if (lookup == null) {
            lookup = services.checks().find(header.checkName())
                    .orElseThrow(() -> new IOException("no Storage Commitment check named " + header.checkName()))
                    .open(new CheckedTransaction(header.jobId(), header.transactionUid(), header.remoteAet(),
                            header.calledAet(), header.count(), this::forEachReference));
        }
        List<Verdict> verdicts = lookup.check(refs);
        if (verdicts.size() != refs.size()) {
            throw new IOException("check " + header.checkName() + " gave " + verdicts.size() + " verdicts for "
                    + refs.size() + " references");
        }
        return verdicts;
    }

    /**
     * In-flight grace: when an instance is missing while the requester still has a storing
     * association open here, waits (a bounded time per step) for it to end. True when the batch
     * must be checked again.
     */
    private boolean waitForStores(JobContext context, List<Verdict> verdicts) throws InterruptedException {
        Duration grace = services.config().inFlightGrace();
        boolean missing = verdicts.stream().anyMatch(v -> FailureReason.NO_SUCH_OBJECT_INSTANCE.equals(v.reason()));
        if (!missing || grace.isZero()) {
            return false;
        }
        long now = context.clock().millis();
        if (state.graceUntil() == 0) {
            state = state.withGrace(now + grace.toMillis());
        }
        if (now >= state.graceUntil()) {
            return false;
        }
        var ended = services.storing().whenStoresEnd(header.remoteAet(), services.sessions().get(header.jobId()));
        if (ended.isDone()) {
            return false;
        }
        long wait = Math.min(GRACE_STEP.toMillis(), state.graceUntil() - now);
        try {
            ended.get(wait, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            // still storing: look again at the next step
        }
        return true;
    }

    private StepResult checkFailed(JobContext context, List<SopReference> refs, IOException e) {
        state = state.checkFailed("check " + header.checkName() + " failed: " + e.getMessage());
        LOG.warn("job {}: Storage Commitment check {} failed ({} of {}): {}", header.jobId(), header.checkName(),
                state.checkErrors(), CHECK_ATTEMPTS, e.toString());
        if (state.checkErrors() < CHECK_ATTEMPTS) {
            return StepResult.retry(Backoff.delay(services.config(), state.checkErrors()), state.lastError());
        }
        closeLookup();
        List<Verdict> failed = new ArrayList<>();
        refs.forEach(r -> failed.add(Verdict.failed(FailureReason.RESOURCE_LIMITATION,
                "could not be checked: " + e.getMessage())));
        save(context, refs, failed);
        return StepResult.proceed();
    }

    private void save(JobContext context, List<SopReference> refs, List<Verdict> verdicts) {
        services.store().saveResults(services.store().transaction(header.jobId()).orElseThrow(), state.cursor(),
                verdicts, context.clock().millis());
        long ok = verdicts.stream().filter(Verdict::committed).count();
        state = state.checked(refs.size(), ok, refs.size() - ok);
        if (state.cursor() >= header.count()) {
            closeLookup();
            state = state.inPhase(Phase.REPORT);
            LOG.info("job {}: Storage Commitment {} checked ({}): {} committed, {} failed", header.jobId(),
                    header.transactionUid(), header.checkName(), state.committed(), state.failed());
        }
    }

    private void forEachReference(Consumer<SopReference> each) {
        for (int from = 0; from < header.count(); from += CommitmentStore.BATCH) {
            services.store().references(header.jobId(), from, CommitmentStore.BATCH).forEach(each);
        }
    }

    private StepResult reportStep(JobContext context) {
        long now = context.clock().millis();
        if (state.deadline() == 0) {
            long[] counts = services.store().counts(header.jobId());
            state = state.withCounts(counts[0], counts[1])
                    .withDeadline(now + services.config().reportDeadline().toMillis());
        }
        DeliveryAttempt.Outcome outcome = services.delivery().deliver(header, state, now);
        state = state.attempted(outcome.refused(), outcome.error());
        if (outcome.delivered()) {
            state = state.inPhase(Phase.DONE);
            services.sessions().remove(header.jobId());
            return StepResult.success();
        }
        if (outcome.refused() && state.refusals() >= services.config().reportRefusals()) {
            LOG.warn("job {}: {} refused the Storage Commitment report {} times; giving up", header.jobId(),
                    header.remoteAet(), state.refusals());
            return StepResult.failure(JobError.networkProtocol(outcome.error()));
        }
        long left = state.deadline() - context.clock().millis();
        if (left <= 0) {
            LOG.warn("job {}: Storage Commitment report to {} not delivered before its deadline: {}", header.jobId(),
                    header.remoteAet(), outcome.error());
            return StepResult.failure(JobError.networkProtocol("report not delivered before the deadline: "
                    + outcome.error()));
        }
        Duration delay = Backoff.delay(services.config(), state.attempts());
        return StepResult.retry(delay.toMillis() > left ? Duration.ofMillis(left) : delay, outcome.error());
    }

    @Override
    public int progress() {
        if (state.phase() == Phase.DONE) {
            return 100;
        }
        return (int) Math.min(90, 90L * state.cursor() / header.count());
    }

    @Override
    public ObjectNode content() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("TransactionUid", header.transactionUid());
        o.put("RemoteAet", header.remoteAet());
        o.put("CalledAet", header.calledAet());
        o.put("Description", description());
        o.put("Check", header.checkName());
        o.put("InstancesCount", header.count());
        o.put("Checked", state.cursor());
        o.put("Committed", state.committed());
        o.put("Failed", state.failed());
        o.put("DeliveryAttempts", state.attempts());
        o.put("LastError", state.lastError());
        o.put("Duplicate", header.duplicate());
        return o;
    }

    private String description() {
        return switch (state.phase()) {
            case CHECK -> "checking " + state.cursor() + " / " + header.count() + " instance(s)";
            case REPORT -> "delivering the report to " + header.remoteAet()
                    + (state.attempts() > 0 ? " (attempt " + (state.attempts() + 1) + ")" : "");
            case DONE -> "report delivered to " + header.remoteAet();
        };
    }

    @Override
    public ObjectNode serialize() {
        ObjectNode o = header.toJson();
        o.set("State", state.toJson());
        return o;
    }

    @Override
    public void reset() {
        closeLookup();
        state = ScpJobState.initial();
    }

    @Override
    public void close() {
        closeLookup();
    }

    private void closeLookup() {
        if (lookup != null) {
            try {
                lookup.close();
            } catch (RuntimeException e) {
                LOG.warn("job {}: closing check {}: {}", header.jobId(), header.checkName(), e.toString());
            }
            lookup = null;
        }
    }
}
