package dev.custodian.stgcmt;

import dev.custodian.dicom.dict.Uid;
import dev.custodian.net.dimse.AssociationChannel;
import dev.custodian.net.dimse.DimseSession;
import dev.custodian.net.dimse.NEventReportRq;
import dev.custodian.net.dimse.NEventReportRsp;
import dev.custodian.net.dimse.NoPresentationContextException;
import dev.custodian.net.service.DicomClient;
import dev.custodian.net.service.DicomConnection;
import dev.custodian.net.ul.Association;
import dev.custodian.net.ul.AssociationProposal;
import dev.custodian.net.ul.NegotiatedContext;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a Storage Commitment result, the SCP's N-EVENT-REPORT-RQ (PS3.4 §J.3.3.1.2), once: on
 * the association the request came on when it is still open, or on a new association to the
 * requester. On a new association we are the association requestor but the SOP class SCP, so we
 * propose SCP/SCU Role Selection with SCU-role 0 and SCP-role 1 (PS3.7 §D.3.3.4, PS3.8 §D.3.3.4)
 * and send only if the acceptor granted the SCP role. Retrying is the caller's policy.
 */
public final class EventReportSender {
    private static final Logger LOG = LoggerFactory.getLogger(EventReportSender.class);

    private final EventInformationCodec codec;
    private final Executor executor;

    /** @param executor releases the new associations, off the reader threads */
    public EventReportSender(EventInformationCodec codec, Executor executor) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** The association to propose to the requester: the SOP class, with us in the SCP role only. */
    public static AssociationProposal proposal(DicomClient client, String calledAet) {
        return client.propose(calledAet)
                .context(StorageCommitment.SOP_CLASS_UID, Uid.ExplicitVRLittleEndian, Uid.ImplicitVRLittleEndian)
                .role(StorageCommitment.SOP_CLASS_UID, false, true).build();
    }

    /**
     * Sends the result on {@code session}'s association if it is open and has a Storage Commitment
     * context on which we are the SCP (default roles when the requester opened it); empty otherwise.
     */
    public Optional<CompletableFuture<NEventReportRsp>> sendOnSameAssociation(DimseSession session,
                                                                            CommitmentReport report) {
        if (!(session.channel() instanceof AssociationChannel channel) || !channel.association().isOpen()) {
            return Optional.empty();
        }
        return scpContext(channel.association()).map(pc -> send(session, pc, report));
    }

    /** As {@link #sendOnSameAssociation(DimseSession, CommitmentReport)} for a result streamed from its rows. */
    public Optional<CompletableFuture<NEventReportRsp>> sendOnSameAssociation(DimseSession session,
                                                                            StreamedReport report) {
        if (!(session.channel() instanceof AssociationChannel channel) || !channel.association().isOpen()) {
            return Optional.empty();
        }
        return scpContext(channel.association()).map(pc -> send(session, pc, report));
    }

    /** As {@link #send(DicomClient, RemoteAe, CommitmentReport)} for a result streamed from its rows. */
    public CompletableFuture<NEventReportRsp> send(DicomClient client, RemoteAe requester, StreamedReport report)
            throws IOException, NoPresentationContextException {
        return sendOnNew(client, requester, (session, pc) -> send(session, pc, report));
    }

    /**
     * Opens an association to {@code requester}, sends the result, releases. The future completes
     * with the N-EVENT-REPORT-RSP (whose status tells whether the SCU took it) once released, or
     * fails (I/O, DIMSE timeout).
     *
     * @throws IOException                   the association could not be established (rejected, refused, timeout)
     * @throws NoPresentationContextException the requester accepted no context where we may be the SCP
     */
    public CompletableFuture<NEventReportRsp> send(DicomClient client, RemoteAe requester, CommitmentReport report)
            throws IOException, NoPresentationContextException {
        return sendOnNew(client, requester, (session, pc) -> send(session, pc, report));
    }

    private CompletableFuture<NEventReportRsp> sendOnNew(DicomClient client, RemoteAe requester,
            java.util.function.BiFunction<DimseSession, NegotiatedContext, CompletableFuture<NEventReportRsp>> sending)
            throws IOException, NoPresentationContextException {
        DicomConnection connection = client.connect(requester.host(), requester.port(),
                proposal(client, requester.aeTitle()));
        Association association = ((AssociationChannel) connection.session().channel()).association();
        Optional<NegotiatedContext> pc = scpContext(association);
        if (pc.isEmpty()) {
            release(connection);
            throw new NoPresentationContextException(requester.aeTitle()
                    + " did not accept Storage Commitment with us in the SCP role (PS3.7 §D.3.3.4)");
        }
        CompletableFuture<NEventReportRsp> rsp;
        try {
            rsp = sending.apply(connection.session(), pc.get());
        } catch (RuntimeException e) {
            connection.abort();
            throw e;
        }
        return rsp.handleAsync((r, t) -> {
            release(connection);
            if (t != null) {
                throw t instanceof CompletionException ce ? ce : new CompletionException(t);
            }
            return r;
        }, executor);
    }

    private CompletableFuture<NEventReportRsp> send(DimseSession session, NegotiatedContext pc, CommitmentReport report) {
        LOG.info("Storage Commitment result {} (event type {}) to {}", report.transactionUid(), report.eventTypeId(),
                session.channel().remoteAet());
        byte[] data = codec.write(report, pc.transferSyntax());
        return session.invoke(pc.id(), id -> new NEventReportRq(id, StorageCommitment.SOP_CLASS_UID,
                StorageCommitment.SOP_INSTANCE_UID, report.eventTypeId(), true), out -> out.write(data),
                NEventReportRsp.class);
    }

    private CompletableFuture<NEventReportRsp> send(DimseSession session, NegotiatedContext pc, StreamedReport report) {
        LOG.info("Storage Commitment result {} (event type {}, {} committed, {} failed) to {}", report.transactionUid(),
                report.eventTypeId(), report.committedCount(), report.failedCount(), session.channel().remoteAet());
        String ts = pc.transferSyntax();
        return session.invoke(pc.id(), id -> new NEventReportRq(id, StorageCommitment.SOP_CLASS_UID,
                StorageCommitment.SOP_INSTANCE_UID, report.eventTypeId(), true), out -> {
                    java.io.BufferedOutputStream buffered = new java.io.BufferedOutputStream(out, 64 * 1024);
                    report.writeTo(buffered, ts);
                    buffered.flush();
                }, NEventReportRsp.class);
    }

    /** A Storage Commitment context on which this side may act as the SOP class SCP. */
    private static Optional<NegotiatedContext> scpContext(Association association) {
        return association.contextsFor(StorageCommitment.SOP_CLASS_UID).stream()
                .filter(c -> c.mayPerform(association.isRequestor())).findFirst();
    }

    private static void release(DicomConnection connection) {
        try {
            connection.release();
        } catch (IOException e) {
            LOG.info("Releasing the Storage Commitment report association failed: {}", e.toString());
        }
    }
}
