package dev.custodian.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custodian.server.commit.scu.CommitmentSendException;
import dev.custodian.server.commit.scu.JobCommitment;
import dev.custodian.server.commit.scu.Release;
import dev.custodian.server.commit.scu.ScuStatus;
import dev.custodian.server.config.RemoteModality;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The part of a {@link StoreJob} that comes after its C-STOREs when the job was asked for
 * Storage Commitment (Orthanc's {@code "StorageCommitment": true}: the N-ACTION follows the
 * C-STOREs and the job ends once the remote accepted it) and, with {@code
 * "ReleaseAfterCommitment": true} (Custodian's forward-and-release), waits for the report, deletes
 * the local copies the remote committed and keeps the others: the job ends Success when all were
 * committed and released, Failure otherwise (what was not committed stays). A remote that does not
 * take the N-ACTION puts the job in Retry; no report by the transaction's deadline fails it.
 * While it waits, a step lasts at most {@link #WAIT}, so pause and cancel take effect soon.
 */
final class StoreJobCommitment {
    static final Duration WAIT = Duration.ofSeconds(2);

    enum Phase { REQUEST, AWAIT, DONE }

    private final JobCommitment commitment;
    private final boolean releaseAfter;
    private String transactionUid;
    private Phase phase = Phase.REQUEST;
    private ScuStatus status = ScuStatus.PENDING;
    private int released;
    private int kept;

    StoreJobCommitment(JobCommitment commitment, boolean releaseAfter, String transactionUid) {
        this.commitment = Objects.requireNonNull(commitment, "commitment");
        this.releaseAfter = releaseAfter;
        this.transactionUid = Objects.requireNonNull(transactionUid, "transactionUid");
    }

    /** One step after the C-STOREs. */
    StepResult step(String modality, RemoteModality m, List<String> instances, String origin)
            throws InterruptedException {
        if (phase == Phase.REQUEST) {
            try {
                status = commitment.request(transactionUid, modality, m, instances, origin);
            } catch (CommitmentSendException e) {
                return StepResult.retry(commitment.retryDelay(), "Storage Commitment request " + transactionUid
                        + " not taken by " + m.aet() + ": " + e.getMessage());
            }
            if (status == ScuStatus.TIMEOUT) {
                return StepResult.failure(JobError.networkProtocol("Storage Commitment transaction " + transactionUid
                        + " reached its deadline before " + m.aet() + " took the request"));
            }
            phase = releaseAfter ? Phase.AWAIT : Phase.DONE;
            return releaseAfter ? StepResult.proceed() : StepResult.success();
        }
        if (phase == Phase.AWAIT) {
            status = commitment.await(transactionUid, WAIT);
            if (status == ScuStatus.PENDING) {
                return StepResult.proceed();
            }
            if (status == ScuStatus.TIMEOUT) {
                phase = Phase.DONE;
                return StepResult.failure(JobError.networkProtocol("no Storage Commitment report for transaction "
                        + transactionUid + " from " + m.aet() + " by its deadline: no local copy was deleted"));
            }
            Release.Outcome outcome = commitment.release(transactionUid);
            released = outcome.deleted() + outcome.absent();
            kept = outcome.kept();
            phase = Phase.DONE;
            if (!outcome.errors().isEmpty()) {
                return StepResult.failure(JobError.internal(outcome.errors().size()
                        + " committed instance(s) could not be deleted locally, e.g. " + outcome.errors().get(0)));
            }
            if (status == ScuStatus.FAILURE) {
                return StepResult.failure(JobError.networkProtocol(kept + " instance(s) not committed by " + m.aet()
                        + " (transaction " + transactionUid + "): kept locally; " + released + " released"));
            }
        }
        return StepResult.success();
    }

    boolean done() {
        return phase == Phase.DONE;
    }

    /** A resubmitted job asks again under a new Transaction UID. */
    void reset() {
        transactionUid = commitment.newUid();
        phase = Phase.REQUEST;
        status = ScuStatus.PENDING;
        released = 0;
        kept = 0;
    }

    void content(ObjectNode c) {
        c.put("StorageCommitmentTransactionUID", transactionUid);
        if (releaseAfter) {
            c.put("ReleaseAfterCommitment", true);
            c.put("StorageCommitmentStatus", status.text());
            c.put("ReleasedInstancesCount", released);
            c.put("NotCommittedInstancesCount", kept);
        }
    }

    void serialize(ObjectNode s) {
        ObjectNode c = s.putObject("StorageCommitment");
        c.put("TransactionUID", transactionUid);
        c.put("ReleaseAfterCommitment", releaseAfter);
        c.put("Phase", phase.name());
        c.put("Status", status.text());
        c.put("Released", released);
        c.put("Kept", kept);
    }

    /** Rebuilds the part saved by {@link #serialize}, or null when the job had none. */
    static StoreJobCommitment restore(JobCommitment commitment, JsonNode s) {
        JsonNode c = s.get("StorageCommitment");
        if (c == null || c.isNull()) {
            return null;
        }
        if (commitment == null) {
            throw new IllegalArgumentException("saved job asks for Storage Commitment, which is not available");
        }
        StoreJobCommitment out = new StoreJobCommitment(commitment, c.path("ReleaseAfterCommitment").asBoolean(false),
                c.path("TransactionUID").asText());
        out.phase = Phase.valueOf(c.path("Phase").asText("REQUEST"));
        out.status = ScuStatus.parse(c.path("Status").asText("Pending")).orElse(ScuStatus.PENDING);
        out.released = c.path("Released").asInt(0);
        out.kept = c.path("Kept").asInt(0);
        return out;
    }
}
