package dev.custodian.stgcmt;

import dev.custodian.net.dimse.DimseFailure;
import dev.custodian.net.dimse.DimseSession;
import dev.custodian.net.dimse.NActionRq;
import dev.custodian.net.dimse.RequestContext;
import dev.custodian.net.dimse.Status;
import dev.custodian.net.service.NActionHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The N-ACTION side of the Storage Commitment Push Model SCP, "Image Manager" (PS3.4 §J.3.2.1.3):
 * checks the Action Type ID (1, else 0123H No Such Action) and the well-known Requested SOP
 * Instance (else 0112H No Such Object Instance), then decodes the Action Information as it
 * arrives (its failures become their N-ACTION status), passing each reference to the
 * {@link Reception} a {@link Receiver} opened for the request, and completes it before the
 * N-ACTION-RSP Success is sent — the reception records the request (e.g. persists a job) or
 * throws the failure to answer; a request that fails is abandoned. Memory holds one item
 * whatever the count; a {@link RequestListener} instead receives the whole request at once.
 * Looking the instances up and reporting happen later, elsewhere (see {@link EventReportSender}).
 * Register for {@link StorageCommitment#SOP_CLASS_UID}.
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

    /** Opens a {@link Reception} for each request whose command is valid. */
    @FunctionalInterface
    public interface Receiver {
        /** A request arrives from {@code origin}; its references are decoded next. */
        Reception receive(Origin origin);
    }

    /**
     * One request being received: its references arrive through {@link #accept}, in order, then
     * exactly one of {@link #complete} (the whole request was valid) or {@link #abandon} follows
     * (abandon also after a complete that threw).
     */
    public interface Reception extends ReferenceSink {
        /**
         * Records the request, whose references were all accepted, before the N-ACTION-RSP Success.
         *
         * @throws DimseFailure the N-ACTION failure status (e.g. 0124H Not Authorized for an
         *                      unknown calling AE, 0213H Resource Limitation)
         */
        void complete(RequestSummary request) throws DimseFailure;

        /** The request fails (format, limits, the association ended): drop what was kept of it. */
        void abandon();
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
    private final Receiver receiver;

    /** Streams each request's references to a reception of {@code receiver}. */
    public StorageCommitmentScp(ActionInformationCodec codec, Receiver receiver) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.receiver = Objects.requireNonNull(receiver, "receiver");
    }

    /** Hands each valid request to {@code listener} whole (its references held in memory). */
    public StorageCommitmentScp(ActionInformationCodec codec, RequestListener listener) {
        this(codec, collecting(Objects.requireNonNull(listener, "listener")));
    }

    private static Receiver collecting(RequestListener listener) {
        return origin -> new Reception() {
            private final List<SopReference> refs = new ArrayList<>();

            @Override
            public void accept(int position, SopReference reference) {
                refs.add(reference);
            }

            @Override
            public void complete(RequestSummary request) throws DimseFailure {
                listener.onRequest(request.withReferences(refs), origin);
            }

            @Override
            public void abandon() {
                refs.clear();
            }
        };
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
        Reception reception = receiver.receive(new Origin(ctx.remoteAet(), ctx.localAet(), ctx.session()));
        boolean completed = false;
        try {
            RequestSummary request;
            try {
                request = codec.read(actionInformation, ctx.transferSyntax(), reception);
            } catch (CommitmentFormatException e) {
                LOG.warn("Storage Commitment request from {} refused: {} {}", ctx.remoteAet(), e.status(),
                        e.getMessage());
                throw e.toDimseFailure();
            }
            reception.complete(request);
            completed = true;
            LOG.info("Storage Commitment request {} from {} for {} instance(s) accepted", request.transactionUid(),
                    ctx.remoteAet(), request.count());
            return Status.SUCCESS;
        } finally {
            if (!completed) {
                reception.abandon();
            }
        }
    }
}
