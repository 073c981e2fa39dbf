package dev.custodian.server.commit.scp;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.net.ul.AssociationRuntime;
import dev.custodian.server.commit.check.CommitmentChecks;
import dev.custodian.server.config.CustodianConfig;
import dev.custodian.server.dicom.ArchiveScp;
import dev.custodian.server.dicom.StoringAssociations;
import dev.custodian.server.index.IndexDatabase;
import dev.custodian.server.index.Modalities;
import dev.custodian.server.jobs.JobsEngine;
import dev.custodian.server.jobs.JobType;
import dev.custodian.stgcmt.ActionInformationCodec;
import dev.custodian.stgcmt.EventInformationCodec;
import dev.custodian.stgcmt.EventReportSender;
import dev.custodian.stgcmt.StorageCommitment;
import dev.custodian.stgcmt.StorageCommitmentScp;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The Storage Commitment SCP (Image Manager, PS3.4 Annex J Push Model) as the application wires
 * it: the job type to give the jobs engine, the N-ACTION service to give {@link ArchiveScp}
 * (once the engine runs), the per-instance results of a job and the ledger for the REST API.
 */
public final class CommitmentScp {
    private final CustodianConfig config;
    private final CommitmentStore store;
    private final CommitmentChecks checks;
    private final RequestSessions sessions = new RequestSessions();
    private final Modalities modalities;
    private final ScpJobType jobType;
    private final Clock clock;

    /**
     * @param checks      the checks by name (validated against the configuration here)
     * @param releases    where report associations are released, off the job workers
     * @throws dev.custodian.server.config.ConfigException when a {@code StorageCommitmentCheck} is unknown
     */
    public CommitmentScp(CustodianConfig config, IndexDatabase database, CommitmentChecks checks, Modalities modalities,
                         StoringAssociations storing, AssociationRuntime runtime, Executor releases, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.checks = Objects.requireNonNull(checks, "checks");
        this.modalities = Objects.requireNonNull(modalities, "modalities");
        this.clock = Objects.requireNonNull(clock, "clock");
        checks.validate(config);
        this.store = new CommitmentStore(database);
        ReportDelivery delivery = new ReportDelivery(new EventReportSender(new EventInformationCodec(), releases),
                modalities, store, sessions, runtime, config.dicomAet(), config.maximumPduLength(),
                config.dicomScuTimeoutSeconds());
        this.jobType = new ScpJobType(new ScpServices(store, checks, delivery, storing, sessions,
                config.storageCommitment()));
    }

    public JobType jobType() {
        return jobType;
    }

    /** The N-ACTION performer for {@code DicomPort}, submitting its jobs to {@code engine}. */
    public ArchiveScp.Services service(JobsEngine engine) {
        CommitmentRequests requests = new CommitmentRequests(modalities, config.dicomCheckModalityHost(), checks,
                config.storageCommitment(), store, jobType, engine, sessions, clock);
        StorageCommitmentScp scp = new StorageCommitmentScp(
                new ActionInformationCodec(config.storageCommitment().maximumReferences()), requests);
        return registry -> registry.action(StorageCommitment.SOP_CLASS_UID, scp);
    }

    public CommitmentStore store() {
        return store;
    }

    /** The job output {@code results} of a {@code StorageCommitmentScp} job. */
    public static final String RESULTS = "results";

    /**
     * Writes the {@code results} output of job {@code jobId}: a JSON array with one object per
     * reference, in the request's order — {@code SOPClassUID}, {@code SOPInstanceUID}, {@code
     * Committed} (null until checked), {@code FailureReason} (its code, null when committed),
     * {@code Description}. Streamed from the rows. False when the job has no such rows.
     */
    public boolean writeResults(String jobId, OutputStream out, ObjectMapper json) throws IOException {
        if (store.transaction(jobId).isEmpty()) {
            return false;
        }
        try (JsonGenerator g = json.getFactory().createGenerator(out)) {
            g.writeStartArray();
            store.forEachRow(jobId, row -> {
                g.writeStartObject();
                g.writeStringField("SOPClassUID", row.reference().sopClassUid());
                g.writeStringField("SOPInstanceUID", row.reference().sopInstanceUid());
                if (row.result() == null) {
                    g.writeNullField("Committed");
                    g.writeNullField("FailureReason");
                } else {
                    g.writeBooleanField("Committed", row.result() == 0);
                    if (row.result() == 0) {
                        g.writeNullField("FailureReason");
                    } else {
                        g.writeNumberField("FailureReason", row.result());
                    }
                }
                g.writeStringField("Description", row.description() == null ? "" : row.description());
                g.writeEndObject();
            });
            g.writeEndArray();
        }
        return true;
    }

    /** The commitments of an instance (Orthanc ID), oldest first. */
    public List<CommitmentStore.LedgerEntry> ledger(String instanceId) {
        return store.ledger(instanceId);
    }
}
