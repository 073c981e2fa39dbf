package dev.custodian.stgcmt;

import dev.custodian.dicom.dict.Uid;
import dev.custodian.net.dimse.DimseFailure;
import dev.custodian.net.dimse.NActionRsp;
import dev.custodian.net.dimse.NEventReportRq;
import dev.custodian.net.dimse.RequestContext;
import dev.custodian.net.dimse.Status;
import dev.custodian.net.service.DicomClient;
import dev.custodian.net.service.DicomConnection;
import dev.custodian.net.service.NEventReportHandler;
import dev.custodian.net.ul.AssociationProposal;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Storage Commitment Push Model SCU, "Evidence Creator" (PS3.4 §J.3.2.1.2, §J.3.3.1.3): sends
 * the N-ACTION-RQ for a {@link CommitmentRequest} and completes the request's report future when
 * the N-EVENT-REPORT with its Transaction UID arrives — on the N-ACTION's association (possibly
 * before the N-ACTION-RSP) or on any association the SCP opens to us later.
 *
 * <p>Wiring: register {@link #eventReportHandler()} for {@link StorageCommitment#SOP_CLASS_UID} in
 * the {@code ServiceRegistry} of the {@link DicomClient} the requests go through (reports on the
 * same association) <em>and</em> of the {@code DicomServer} (reports on a new association, where
 * the registry makes the server accept the requestor's SCP role). A transaction is registered
 * before its N-ACTION is sent, so no ordering of RSP and report is lost. Thread-safe.
 */
public final class StorageCommitmentScu {
    private static final Logger LOG = LoggerFactory.getLogger(StorageCommitmentScu.class);

    private final ActionInformationCodec actionCodec;
    private final EventInformationCodec eventCodec;
    private final Duration reportTimeout;
    private final Duration linger;
    private final ReportListener recorder;
    private final ReportListener unmatched;
    private final Executor executor;
    private final ConcurrentHashMap<String, CompletableFuture<CommitmentReport>> pending = new ConcurrentHashMap<>();

    /**
     * @param reportTimeout how long a request waits for its report before its future fails (the
     *                      SCU's "duration of applicability of the Transaction UID", PS3.4 §J.3.6.1.1)
     * @param linger        how long {@link #request(DicomClient, RemoteAe, CommitmentRequest)} keeps
     *                      the association open after the N-ACTION-RSP for a report on it (zero:
     *                      release at once; the SCP then opens a new association)
     * @param unmatched     receives reports of no pending request (e.g. {@link ReportListener#REFUSE})
     * @param executor      completes report futures and releases associations, off the reader threads
     */
    public StorageCommitmentScu(ActionInformationCodec actionCodec, EventInformationCodec eventCodec,
                                Duration reportTimeout, Duration linger, ReportListener unmatched, Executor executor) {
        this(actionCodec, eventCodec, reportTimeout, linger, (report, aet) -> { }, unmatched, executor);
    }

    /**
     * As above, with a {@code recorder} that sees <em>every</em> valid result, matched or not,
     * on the reader thread before the N-EVENT-REPORT-RSP: a persistent layer records it there, so
     * that Success goes back only once it is stored; a {@link DimseFailure} it throws is the
     * answer instead (e.g. 0110H Processing failure when the database is down), and the pending
     * request, if any, stays pending.
     */
    public StorageCommitmentScu(ActionInformationCodec actionCodec, EventInformationCodec eventCodec,
                                Duration reportTimeout, Duration linger, ReportListener recorder,
                                ReportListener unmatched, Executor executor) {
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.actionCodec = Objects.requireNonNull(actionCodec, "actionCodec");
        this.eventCodec = Objects.requireNonNull(eventCodec, "eventCodec");
        this.reportTimeout = positive(reportTimeout, "reportTimeout");
        this.linger = Objects.requireNonNull(linger, "linger");
        if (linger.isNegative()) {
            throw new IllegalArgumentException("linger must not be negative");
        }
        this.unmatched = Objects.requireNonNull(unmatched, "unmatched");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /**
     * The association to propose to the SCP: the Storage Commitment Push Model context in Explicit
     * and Implicit VR Little Endian, default roles (we SCU, the acceptor SCP), which already lets
     * the SCP send the report on this association (PS3.4 §J.3.3.1.2 Note; PS3.7 §D.3.3.4: role
     * selection is needed only when the association requestor is to be the SCP).
     */
    public static AssociationProposal proposal(DicomClient client, String calledAet) {
        return client.propose(calledAet).context(StorageCommitment.SOP_CLASS_UID, Uid.ExplicitVRLittleEndian,
                Uid.ImplicitVRLittleEndian).build();
    }

    /** The N-EVENT-REPORT receiver to register for {@link StorageCommitment#SOP_CLASS_UID}. */
    public NEventReportHandler eventReportHandler() {
        return this::onEventReport;
    }

    /** Requests whose report has not arrived yet. */
    public int pending() {
        return pending.size();
    }

    /**
     * Sends the N-ACTION-RQ on an open association (which the caller releases). Fails at once with
     * {@link IllegalStateException} when a request with the same Transaction UID is pending.
     */
    public Commitment request(DicomConnection connection, CommitmentRequest request) {
        String tx = request.transactionUid();
        CompletableFuture<CommitmentReport> report = new CompletableFuture<>();
        if (pending.putIfAbsent(tx, report) != null) {
            throw new IllegalStateException("Transaction UID " + tx + " is already pending");
        }
        report.orTimeout(reportTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((r, t) -> pending.remove(tx, report));
        CompletableFuture<NActionRsp> response;
        try {
            response = connection.nAction(StorageCommitment.SOP_CLASS_UID, StorageCommitment.SOP_INSTANCE_UID,
                    StorageCommitment.ACTION_TYPE_REQUEST, actionCodec.source(request));
        } catch (RuntimeException e) {
            report.completeExceptionally(e);
            throw e;
        }
        response.whenComplete((rsp, t) -> {
            if (t != null) {
                report.completeExceptionally(t instanceof CompletionException && t.getCause() != null ? t.getCause() : t);
            } else if (rsp.status().isFailure()) {
                report.completeExceptionally(new CommitmentRefusedException(tx, rsp.status()));
            }
        });
        LOG.info("Storage Commitment request {} for {} instance(s) sent to {}", tx, request.references().size(),
                connection.session().channel().remoteAet());
        return new Commitment(request, response, report);
    }

    /**
     * Opens an association to {@code scp}, sends the request, keeps the association for
     * {@code linger} after an accepting N-ACTION-RSP (or until the report arrives on it), then
     * releases it.
     *
     * @throws IOException the association could not be established
     */
    public Commitment request(DicomClient client, RemoteAe scp, CommitmentRequest request) throws IOException {
        DicomConnection connection = client.connect(scp.host(), scp.port(), proposal(client, scp.aeTitle()));
        Commitment c;
        try {
            c = request(connection, request);
        } catch (RuntimeException e) {
            connection.abort();
            throw e;
        }
        c.response().handle((rsp, t) -> t == null && !rsp.status().isFailure())
                .thenCompose(accepted -> accepted
                        ? c.report().handle((r, t) -> (Void) null).completeOnTimeout(null, linger.toMillis(),
                                TimeUnit.MILLISECONDS)
                        : CompletableFuture.<Void>completedFuture(null))
                .whenCompleteAsync((x, t) -> release(connection), executor);
        return c;
    }

    private Status onEventReport(RequestContext ctx, NEventReportRq rq, InputStream info)
            throws DimseFailure, IOException {
        if (!StorageCommitment.SOP_INSTANCE_UID.equals(rq.affectedSopInstanceUid())) {
            throw new DimseFailure(Status.NO_SUCH_OBJECT_INSTANCE, "Not the Storage Commitment Push Model SOP Instance");
        }
        CommitmentReport report;
        try {
            report = eventCodec.read(info, ctx.transferSyntax(), rq.eventTypeId());
        } catch (CommitmentFormatException e) {
            LOG.warn("Storage Commitment result from {} refused: {}", ctx.remoteAet(), e.getMessage());
            throw e.toDimseFailure();
        }
        recorder.onReport(report, ctx.remoteAet());
        CompletableFuture<CommitmentReport> waiting = pending.remove(report.transactionUid());
        LOG.info("Storage Commitment result {} from {}: {} committed, {} failed{}", report.transactionUid(),
                ctx.remoteAet(), report.committed().size(), report.failed().size(),
                waiting == null ? " (no pending request)" : "");
        if (waiting == null) {
            unmatched.onReport(report, ctx.remoteAet());
        } else {
            // Once the N-EVENT-REPORT-RSP is out (a waiting caller may release the association at
            // once, which must not overtake the RSP), and off this thread.
            ctx.session().afterResponse(() -> executor.execute(() -> waiting.complete(report)));
        }
        return Status.SUCCESS;
    }

    private static void release(DicomConnection connection) {
        try {
            connection.release();
        } catch (IOException e) {
            LOG.info("Releasing the Storage Commitment association failed: {}", e.toString());
        }
    }

    private static Duration positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return d;
    }
}
