package dev.custodian.server.commit.scp;

import dev.custodian.net.dimse.AssociationChannel;
import dev.custodian.net.dimse.DimseFailure;
import dev.custodian.net.dimse.Status;
import dev.custodian.server.commit.check.CommitmentChecks;
import dev.custodian.server.config.RemoteModality;
import dev.custodian.server.config.StorageCommitmentConfig;
import dev.custodian.server.dicom.AssociationRules;
import dev.custodian.server.index.DatabaseFailures;
import dev.custodian.server.index.Modalities;
import dev.custodian.server.jobs.JobsEngine;
import dev.custodian.stgcmt.CommitmentRequest;
import dev.custodian.stgcmt.StorageCommitmentScp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives each valid Storage Commitment request (after {@link StorageCommitmentScp} has checked
 * and decoded it): decides whether the calling AE may ask, then persists the transaction, one row
 * per reference and its {@code StorageCommitmentScp} job in one database transaction, before the
 * N-ACTION-RSP Success goes out. The job is held until that RSP has been sent, so the report
 * never overtakes it; if this node dies in between, the hold expires and the job runs anyway.
 *
 * <p>Who may ask: a modality of {@code DicomModalities} (file or REST) with this AE title (from
 * its host under {@code DicomCheckModalityHost}) whose {@code AllowStorageCommitment} is true;
 * anyone else gets 0124H Not Authorized with an Error Comment, and one WARN line. A Transaction
 * UID that an unfinished request already uses is accepted, and its report fails every reference
 * with Failure Reason 0131H Duplicate Transaction UID (PS3.4 Table J.3-2); the first request is
 * unaffected.
 */
public final class CommitmentRequests implements StorageCommitmentScp.RequestListener {
    private static final Logger LOG = LoggerFactory.getLogger(CommitmentRequests.class);
    /** How long a job waits for its N-ACTION-RSP to be sent before it runs anyway. */
    static final Duration HOLD = Duration.ofSeconds(10);

    private final Modalities modalities;
    private final boolean checkModalityHost;
    private final CommitmentChecks checks;
    private final StorageCommitmentConfig config;
    private final CommitmentStore store;
    private final ScpJobType types;
    private final JobsEngine engine;
    private final RequestSessions sessions;
    private final Clock clock;

    CommitmentRequests(Modalities modalities, boolean checkModalityHost, CommitmentChecks checks, StorageCommitmentConfig config,
                       CommitmentStore store, ScpJobType types, JobsEngine engine, RequestSessions sessions,
                       Clock clock) {
        this.modalities = Objects.requireNonNull(modalities, "modalities");
        this.checkModalityHost = checkModalityHost;
        this.checks = Objects.requireNonNull(checks, "checks");
        this.config = Objects.requireNonNull(config, "config");
        this.store = Objects.requireNonNull(store, "store");
        this.types = Objects.requireNonNull(types, "types");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void onRequest(CommitmentRequest request, StorageCommitmentScp.Origin origin) throws DimseFailure {
        String host = origin.session().channel() instanceof AssociationChannel c
                ? AssociationRules.hostOf(c.association().remoteAddress()) : "";
        Map.Entry<String, RemoteModality> modality = authorize(origin.callingAet(), host);
        if (engine.isStopping()) {
            throw new DimseFailure(Status.RESOURCE_LIMITATION, "Archive shutting down; ask again later");
        }
        String check = modality.getValue().commitmentCheck(config.check());
        if (checks.find(check).isEmpty()) {
            LOG.warn("Storage Commitment request {} from {} refused: unknown check {}", request.transactionUid(),
                    origin.callingAet(), check);
            throw new DimseFailure(Status.PROCESSING_FAILURE, "Unknown check " + check);
        }
        String jobId = JobsEngine.newId();
        boolean duplicate;
        try {
            duplicate = store.isActive(request.transactionUid());
            ScpTransaction t = new ScpTransaction(jobId, request.transactionUid(), origin.callingAet(),
                    origin.calledAet(), modality.getKey(), check, request.references().size(), duplicate,
                    clock.millis());
            engine.submitHeld(jobId, types.create(t), 0, HOLD, (h, id) -> store.insert(h, t, request.references()));
        } catch (RuntimeException e) {
            LOG.warn("Storage Commitment request {} from {} refused with 0213H, it could not be saved: {}",
                    request.transactionUid(), origin.callingAet(), DatabaseFailures.describe(e));
            throw new DimseFailure(Status.RESOURCE_LIMITATION, "Request could not be saved");
        }
        if (duplicate) {
            LOG.warn("Storage Commitment request {} from {}: Transaction UID already in use; its report will fail "
                    + "every instance with 0131H", request.transactionUid(), origin.callingAet());
        }
        sessions.prune();
        sessions.put(jobId, origin.session());
        origin.session().afterResponse(() -> release(jobId));
    }

    /** The RSP is out: the job may start; if the database cannot say so now, its hold expires instead. */
    private void release(String jobId) {
        try {
            engine.releaseHeld(jobId);
        } catch (RuntimeException e) {
            LOG.warn("job {}: cannot release it now ({}); it starts when its hold of {} s ends", jobId,
                    DatabaseFailures.describe(e), HOLD.toSeconds());
        }
    }

    private Map.Entry<String, RemoteModality> authorize(String callingAet, String host) throws DimseFailure {
        Map<String, RemoteModality> all;
        try {
            all = modalities.all(); // those added through REST are in the index
        } catch (RuntimeException e) {
            LOG.warn("Storage Commitment request from {} ({}) refused: the modalities cannot be read: {}", callingAet,
                    host, DatabaseFailures.describe(e));
            throw new DimseFailure(Status.RESOURCE_LIMITATION, "Modalities could not be read");
        }
        Optional<Map.Entry<String, RemoteModality>> m = all.entrySet().stream()
                .filter(e -> e.getValue().aet().equals(callingAet))
                .filter(e -> !checkModalityHost || AssociationRules.sameHost(e.getValue().host(), host))
                .findFirst();
        if (m.isEmpty()) {
            LOG.warn("Storage Commitment request from {} ({}) refused: not a modality of DicomModalities", callingAet,
                    host);
            throw new DimseFailure(Status.NOT_AUTHORIZED, "AE " + callingAet + " is not a known modality");
        }
        if (!m.get().getValue().allowStorageCommitment()) {
            LOG.warn("Storage Commitment request from {} ({}) refused: AllowStorageCommitment is false for {}",
                    callingAet, host, m.get().getKey());
            throw new DimseFailure(Status.NOT_AUTHORIZED, "Storage Commitment not allowed for " + callingAet);
        }
        return m.get();
    }
}
