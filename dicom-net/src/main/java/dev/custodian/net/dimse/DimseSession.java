package dev.custodian.net.dimse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DIMSE on one association, either side (PS3.7 §7, §9, §10): sends requests with IDs from a
 * per-association generator and completes their futures when the response with that Message
 * ID Being Responded To arrives; performs incoming requests through a {@link RequestHandler}
 * and sends their responses. Requests are served on associations we accepted and on those we
 * requested alike (a Storage Commitment N-EVENT-REPORT may come on the N-ACTION's association).
 *
 * <p>{@link #onMessage} runs on the association's reader thread; response futures are
 * completed there, so their callbacks must not block (use the {@code *Async} variants).
 */
public final class DimseSession {
    private static final Logger LOG = LoggerFactory.getLogger(DimseSession.class);

    private final DimseChannel channel;
    private final RequestHandler handler;
    private final Duration dimseTimeout;
    private final MessageIdGenerator ids = new MessageIdGenerator();
    private final OutstandingRequests outstanding;
    private final ReentrantLock sendLock = new ReentrantLock(true);
    private volatile IOException closed;

    /**
     * @param handler      performs incoming requests
     * @param dimseTimeout how long to wait for a response, and for room in the operations window
     */
    public DimseSession(DimseChannel channel, RequestHandler handler, Duration dimseTimeout) {
        if (channel == null || handler == null || dimseTimeout == null || dimseTimeout.isNegative()
                || dimseTimeout.isZero()) {
            throw new IllegalArgumentException("channel, handler and a positive DIMSE timeout are required");
        }
        this.channel = channel;
        this.handler = handler;
        this.dimseTimeout = dimseTimeout;
        this.outstanding = new OutstandingRequests(Math.max(0, channel.maxOperationsInvoked()));
    }

    public DimseChannel channel() {
        return channel;
    }

    public Duration dimseTimeout() {
        return dimseTimeout;
    }

    /** Number of requests sent and not yet answered. */
    public int outstanding() {
        return outstanding.size();
    }

    /**
     * Sends a request on presentation context {@code contextId}, built by {@code request} from a
     * fresh Message ID, with its data set written by {@code data} (null when it has none).
     * Blocks while the operations window is full and while the data set is written; the
     * returned future completes with the response, or fails with {@link TimeoutException} after
     * the DIMSE timeout, with an {@link IOException} when the association ends first, or with
     * {@link UnexpectedResponseException} when the response is not of {@code responseType}.
     */
    public <R extends DimseResponse> CompletableFuture<R> invoke(int contextId,
            IntFunction<? extends DimseRequest> request, DataWriter data, Class<R> responseType) {
        try {
            if (closed != null) {
                throw closed;
            }
            if (!outstanding.acquire(dimseTimeout.toMillis())) {
                throw new TimeoutException("No room in the asynchronous operations window after "
                        + dimseTimeout);
            }
        } catch (IOException | TimeoutException e) {
            return CompletableFuture.failedFuture(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
        DimseRequest rq;
        CompletableFuture<DimseResponse> response = new CompletableFuture<>();
        try {
            rq = request.apply(ids.next(outstanding::contains));
            if (rq.hasDataSet() != (data != null)) {
                throw new IllegalArgumentException(CommandField.name(rq.commandField())
                        + (data == null ? " needs a data set" : " has no data set"));
            }
            outstanding.add(rq, response);
        } catch (RuntimeException e) {
            outstanding.releaseSlot();
            throw e;
        }
        try {
            send(contextId, rq, data);
        } catch (IOException e) {
            outstanding.removeIfSame(rq.messageId(), response);
            response.completeExceptionally(e);
        }
        int id = rq.messageId();
        // Free the slot before the caller's stage completes, so it sees the window as it is.
        return response.orTimeout(dimseTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((r, t) -> outstanding.removeIfSame(id, response))
                .thenApply(r -> cast(rq, r, responseType));
    }

    /** Completes when every request outstanding now has been answered or has failed. */
    public CompletableFuture<Void> idle() {
        return outstanding.allDone();
    }

    /**
     * One incoming message: its presentation context, its command set bytes, and its data set
     * as it arrives (read only when the command announces one). Returns normally when the
     * message was handled, including when it was answered with a failure status; throws
     * {@link IOException} when the association failed, after aborting it if the message was
     * beyond answering.
     */
    public void onMessage(int contextId, byte[] command, InputStream data) throws IOException {
        AcceptedContext pc = channel.context(contextId);
        DimseMessage message;
        try {
            if (pc == null) {
                throw InvalidCommandException.undecodable("Message on presentation context " + contextId
                        + " which was not accepted", null);
            }
            message = CommandCodec.decode(command);
        } catch (InvalidCommandException e) {
            refuse(pc, e, data);
            return;
        }
        if (message instanceof DimseResponse rsp) {
            onResponse(rsp, data);
        } else {
            onRequest(pc, (DimseRequest) message, data);
        }
    }

    /** The association ended (released, aborted or broken): fails every outstanding request. */
    public void onClosed(IOException cause) {
        closed = cause == null ? new IOException("Association closed") : cause;
        outstanding.failAll(closed);
    }

    private void onRequest(AcceptedContext pc, DimseRequest rq, InputStream data) throws IOException {
        InputStream in = rq.hasDataSet() ? data : InputStream.nullInputStream();
        RequestContext ctx = new RequestContext(pc, channel.localAet(), channel.remoteAet(), this);
        DimseResponse rsp;
        try {
            rsp = handler.handle(ctx, rq, in);
        } catch (RuntimeException e) {
            LOG.error("{} from {}: handler failed", CommandField.name(rq.commandField()), channel.remoteAet(), e);
            rsp = new GenericRsp(CommandField.responseOf(rq.commandField()), rq.messageId(), rq.sopClassUid(),
                    Status.PROCESSING_FAILURE.withComment(e.getClass().getSimpleName()));
        }
        drain(in);
        send(pc.id(), rsp, null);
    }

    private void onResponse(DimseResponse rsp, InputStream data) throws IOException {
        if (rsp.hasDataSet()) {
            // This layer's requests expect no reply data (C-STORE, C-ECHO, and N-ACTION / N-EVENT-REPORT
            // as Storage Commitment uses them); consume it so the next message is read whole.
            LOG.debug("{} from {} carries a data set; discarded", CommandField.name(rsp.commandField()),
                    channel.remoteAet());
            drain(data);
        }
        OutstandingRequests.Entry e = outstanding.remove(rsp.messageIdBeingRespondedTo());
        if (e == null) {
            LOG.warn("{} from {} answers Message ID {} which is not outstanding; ignored",
                    CommandField.name(rsp.commandField()), channel.remoteAet(), rsp.messageIdBeingRespondedTo());
            return;
        }
        e.response().complete(rsp);
    }

    private void refuse(AcceptedContext pc, InvalidCommandException e, InputStream data) throws IOException {
        if (pc == null || !e.answerable()) {
            LOG.warn("Aborting association with {}: {}", channel.remoteAet(), e.getMessage());
            channel.abort();
            throw new IOException("Aborted: " + e.getMessage(), e);
        }
        LOG.warn("{} from {} refused with {}: {}", CommandField.name(e.commandField()), channel.remoteAet(),
                e.status(), e.getMessage());
        if (e.hasDataSet()) {
            drain(data);
        }
        send(pc.id(), new GenericRsp(CommandField.responseOf(e.commandField()), e.messageId(),
                e.affectedSopClassUid(), e.status()), null);
    }

    private void send(int contextId, DimseMessage message, DataWriter data) throws IOException {
        byte[] command = CommandCodec.encode(message);
        sendLock.lock();
        try {
            channel.send(contextId, command, data);
        } finally {
            sendLock.unlock();
        }
    }

    private static void drain(InputStream in) throws IOException {
        in.transferTo(OutputStream.nullOutputStream());
    }

    private static <R extends DimseResponse> R cast(DimseRequest rq, DimseResponse rsp, Class<R> type) {
        if (!type.isInstance(rsp)) {
            throw new UnexpectedResponseException(CommandField.name(rq.commandField()) + " (Message ID "
                    + rq.messageId() + ") answered by " + CommandField.name(rsp.commandField())
                    + " with status " + rsp.status(), rsp);
        }
        return type.cast(rsp);
    }
}
