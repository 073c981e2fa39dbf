package dev.custodian.stgcmt;

import dev.custodian.net.dimse.DimseFailure;
import dev.custodian.net.dimse.DimseSession;
import dev.custodian.net.dimse.NActionRq;
import dev.custodian.net.dimse.RequestContext;
import dev.custodian.net.dimse.Status;
import dev.custodian.net.service.NActionHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The N-ACTION side of the Storage Commitment Push Model SCP, "Image Manager" (PS3.4 §J.3.2.1.3):
 * checks the Action Type ID (1, else 0123H No Such Action) and the well-known Requested SOP
 * Instance (else 0112H No Such Object Instance), decodes the Action Information (its failures
 * become their N-ACTION status), and hands the request to a {@link RequestListener} — which
 * records it (e.g. persists a job) and returns before the N-ACTION-RSP Success is sent, or
 * throws the failure to answer. Looking the instances up and reporting happen later, elsewhere
 * (see {@link EventReportSender}). Register for {@link StorageCommitment#SOP_CLASS_UID}.
 */
public final class StorageCommitmentScp implements NActionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(StorageCommitmentScp.class);

    /** Receives each valid Storage Commitment request. */
    @FunctionalInterface
    public interface RequestListener {
        /**
         * @throws DimseFailure the N-ACTION failure status (e.g. 0124H Not Authorized for an
         *                      unknown calling AE, 0213H Resource Limitation)
         */
        void onRequest(CommitmentRequest request, Origin origin) throws DimseFailure;
    }

    /**
     * Where a request came from.
     *
     * @param callingAet the requester's AE title
     * @param calledAet  our AE title it called
     * @param session    the association it came on, for {@link EventReportSender#sendOnSameAssociation}
     */
    public record Origin(String callingAet, String calledAet, DimseSession session) {
        public Origin {
            Objects.requireNonNull(callingAet, "callingAet");
            Objects.requireNonNull(calledAet, "calledAet");
            Objects.requireNonNull(session, "session");
        }
    }

    private final ActionInformationCodec codec;
    private final RequestListener listener;

    public StorageCommitmentScp(ActionInformationCodec codec, RequestListener listener) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public Status action(RequestContext ctx, NActionRq rq, InputStream actionInformation)
            throws DimseFailure, IOException {
        if (rq.actionTypeId() != StorageCommitment.ACTION_TYPE_REQUEST) {
            throw new DimseFailure(Status.NO_SUCH_ACTION, "Action Type ID " + rq.actionTypeId());
        }
        if (!StorageCommitment.SOP_INSTANCE_UID.equals(rq.requestedSopInstanceUid())) {
            throw new DimseFailure(Status.NO_SUCH_OBJECT_INSTANCE,
                    "Not the Storage Commitment Push Model SOP Instance");
        }
        CommitmentRequest request;
        try {
            request = codec.read(actionInformation, ctx.transferSyntax());
        } catch (CommitmentFormatException e) {
            LOG.warn("Storage Commitment request from {} refused: {} {}", ctx.remoteAet(), e.status(), e.getMessage());
            throw e.toDimseFailure();
        }
        listener.onRequest(request, new Origin(ctx.remoteAet(), ctx.localAet(), ctx.session()));
        LOG.info("Storage Commitment request {} from {} for {} instance(s) accepted", request.transactionUid(),
                ctx.remoteAet(), request.references().size());
        return Status.SUCCESS;
    }
}
