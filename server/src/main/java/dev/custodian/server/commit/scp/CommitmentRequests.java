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
import dev.custodian.stgcmt.RequestSummary;
import dev.custodian.stgcmt.SopReference;
import dev.custodian.stgcmt.StorageCommitmentScp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives each Storage Commitment request as {@link StorageCommitmentScp} decodes it: decides
 * whether the calling AE may ask, then keeps the references as they arrive ({@link RequestRows}:
 * one batch in memory, the rest spooled to a temporary file, no database lock while the peer
 * sends) and, once the request proves valid, writes them, the transaction and its
 * {@code StorageCommitmentScp} job in one database transaction, committed before the N-ACTION-RSP
 * Success goes out; an invalid or refused request saves nothing. A format failure is answered
 * before a refusal, as the request is read first. The job is held until that RSP has been sent, so the report
 * never overtakes it; if this node dies in between, the hold expires and the job runs anyway.
 *
 * <p>Who may ask: a modality of {@code DicomModalities} (file or REST) with this AE title (from
 * its host under {@code DicomCheckModalityHost}) whose {@code AllowStorageCommitment} is true;
 * anyone else gets 0124H Not Authorized with an Error Comment, and one WARN line. A Transaction
 * UID that an unfinished request already uses is accepted, and its report fails every reference
 * with Failure Reason 0131H Duplicate Transaction UID (PS3.4 Table J.3-2); the first request is
 * unaffected.
 */
public final class CommitmentRequests implements StorageCommitmentScp.Receiver {
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
    public StorageCommitmentScp.Reception receive(StorageCommitmentScp.Origin origin) {
        String host = origin.session().channel() instanceof AssociationChannel c
                ? AssociationRules.hostOf(c.association().remoteAddress()) : "";
        Map.Entry<String, RemoteModality> modality;
        try {
            modality = authorize(origin.callingAet(), host);
        } catch (Refusal r) {
            return new Refused(r);
        }
        String check = modality.getValue().commitmentCheck(config.check());
        if (checks.find(check).isEmpty()) {
            return new Refused(new Refusal(new DimseFailure(Status.PROCESSING_FAILURE, "Unknown check " + check),
                    "Storage Commitment request {} from {} refused: unknown check " + check, origin.callingAet()));
        }
        return new Accepted(origin, modality.getKey(), check, JobsEngine.newId(), clock.millis());
    }

    /** A request that may be saved: its references are kept as they arrive, written when it is complete. */
    private final class Accepted implements StorageCommitmentScp.Reception {
        private final StorageCommitmentScp.Origin origin;
        private final String modality;
        private final String check;
        private final String jobId;
        private final long receivedAt;
        private final RequestRows rows;

        Accepted(StorageCommitmentScp.Origin origin, String modality, String check, String jobId, long receivedAt) {
            this.origin = origin;
            this.modality = modality;
            this.check = check;
            this.jobId = jobId;
            this.receivedAt = receivedAt;
            this.rows = new RequestRows(store, jobId, origin.callingAet(), origin.calledAet(), modality, check,
                    receivedAt);
        }

        @Override
        public void accept(int position, SopReference reference) {
            rows.add(reference);
        }

        @Override
        public void complete(RequestSummary request) throws DimseFailure {
            if (engine.isStopping()) {
                throw new DimseFailure(Status.RESOURCE_LIMITATION, "Archive shutting down; ask again later");
            }
            boolean[] duplicate = new boolean[1];
            try {
                rows.commit(h -> {
                    duplicate[0] = store.isActive(h, request.transactionUid());
                    ScpTransaction t = new ScpTransaction(jobId, request.transactionUid(), origin.callingAet(),
                            origin.calledAet(), modality, check, request.count(), duplicate[0], receivedAt);
                    store.complete(h, t);
                    engine.insertHeld(h, jobId, types.create(t), 0, HOLD);
                });
            } catch (RuntimeException e) {
                LOG.warn("Storage Commitment request {} from {} refused with 0213H, it could not be saved: {}",
                        request.transactionUid(), origin.callingAet(), DatabaseFailures.describe(e));
                throw new DimseFailure(Status.RESOURCE_LIMITATION, "Request could not be saved");
            }
            if (duplicate[0]) {
                LOG.warn("Storage Commitment request {} from {}: Transaction UID already in use; its report will fail "
                        + "every instance with 0131H", request.transactionUid(), origin.callingAet());
            }
            sessions.prune();
            sessions.put(jobId, origin.session());
            origin.session().afterResponse(() -> release(jobId));
        }

        @Override
        public void abandon() {
            rows.abandon();
        }
    }

    /** A request that will be refused once it has been read (a format failure comes first). */
    private static final class Refused implements StorageCommitmentScp.Reception {
        private final Refusal refusal;

        Refused(Refusal refusal) {
            this.refusal = refusal;
        }

        @Override
        public void accept(int position, SopReference reference) {
            // not kept: the request is refused
        }

        @Override
        public void complete(RequestSummary request) throws DimseFailure {
            LOG.warn(refusal.logLine, request.transactionUid(), refusal.callingAet);
            throw refusal.failure;
        }

        @Override
        public void abandon() {
            // nothing kept
        }
    }

    /** Why a requester may not ask: the status to answer and the WARN line ({} Transaction UID, {} AE). */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient DimseFailure failure;
        private final String logLine;
        private final String callingAet;

        Refusal(DimseFailure failure, String logLine, String callingAet) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
            this.logLine = logLine;
            this.callingAet = callingAet;
        }
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

    private Map.Entry<String, RemoteModality> authorize(String callingAet, String host) throws Refusal {
        Map<String, RemoteModality> all;
        try {
            all = modalities.all(); // those added through REST are in the index
        } catch (RuntimeException e) {
            throw new Refusal(new DimseFailure(Status.RESOURCE_LIMITATION, "Modalities could not be read"),
                    "Storage Commitment request {} from {} (" + host + ") refused: the modalities cannot be read: "
                            + DatabaseFailures.describe(e), callingAet);
        }
        Optional<Map.Entry<String, RemoteModality>> m = all.entrySet().stream()
                .filter(e -> e.getValue().aet().equals(callingAet))
                .filter(e -> !checkModalityHost || AssociationRules.sameHost(e.getValue().host(), host))
                .findFirst();
        if (m.isEmpty()) {
            throw new Refusal(new DimseFailure(Status.NOT_AUTHORIZED, "AE " + callingAet + " is not a known modality"),
                    "Storage Commitment request {} from {} (" + host + ") refused: not a modality of DicomModalities",
                    callingAet);
        }
        if (!m.get().getValue().allowStorageCommitment()) {
            throw new Refusal(new DimseFailure(Status.NOT_AUTHORIZED, "Storage Commitment not allowed for " + callingAet),
                    "Storage Commitment request {} from {} (" + host + ") refused: AllowStorageCommitment is false for "
                    + m.get().getKey(), callingAet);
        }
        return m.get();
    }
}
