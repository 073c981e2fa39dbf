package dev.custodian.net.dimse;

import dev.custodian.net.ul.DataSink;
import dev.custodian.net.ul.DataWriter;
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
 * <p>{@link #onCommand} runs on the association's reader thread, and so do the requests: one at
 * a time, in arrival order. A request's data set is handed to the {@link RequestHandler} as an
 * input stream that reads the PDUs from the peer on that same thread as the handler consumes it
 * (no thread hand-off, no copy): a slow handler slows the peer through TCP (backpressure), and
 * memory stays bounded by one PDU. What the handler leaves unread is drained before the response
 * is sent. The socket idle timeout bounds a peer falling silent in the middle of a data set; the
 * handler's own work is not bounded by the DIMSE timeout (as for requests without a data set, a
 * handler must bound its own blocking calls). If the association ends, is aborted or breaks the
 * protocol under the data set, the handler's reads throw {@link IOException}, no response is sent
 * and the association closes as the upper layer decided. Response futures are completed on the
 * reader thread too, so their callbacks must not block (use the {@code *Async} variants). A
 * service must not wait for the response to a request it sends on the same association: the
 * reader is busy with the service's own request until it returns.
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
    /** Tasks to run once the response being prepared has gone out; touched by the reader thread only. */
    private final java.util.List<Runnable> afterResponse = new java.util.ArrayList<>();

    /**
     * @param handler      performs incoming requests, on the association's reader thread
     * @param dimseTimeout how long to wait for a response and for room in the operations window
     */
    public DimseSession(DimseChannel channel, RequestHandler handler, Duration dimseTimeout) {
        if (channel == null || handler == null || dimseTimeout == null
                || dimseTimeout.isNegative() || dimseTimeout.isZero()) {
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

    /**
     * Runs {@code task} on the reader thread right after the response to the request being
     * performed now has been sent (e.g. to let a Storage Commitment job report only once the
     * N-ACTION-RSP is out). Call it from the service performing that request; the task is
     * dropped when the response cannot be sent.
     */
    public void afterResponse(Runnable task) {
        afterResponse.add(java.util.Objects.requireNonNull(task, "task"));
    }

    /** Completes when every request outstanding now has been answered or has failed. */
    public CompletableFuture<Void> idle() {
        return outstanding.allDone();
    }

    /**
     * One incoming message (the upper layer's {@code MessageListener.onCommand}): decodes the
     * command set and returns where its data set goes. A request is performed at once, on this
     * thread, reading its data set (if any) from {@link DimseChannel#dataSet()}, and answered
     * before this returns, so requests are performed one at a time in arrival order. A command that cannot be answered
     * aborts the association (and this throws); one that can is answered with a failure status.
     */
    public DataSink onCommand(int contextId, byte[] command) throws IOException {
        AcceptedContext pc = channel.context(contextId);
        DimseMessage message;
        try {
            if (pc == null) {
                throw InvalidCommandException.undecodable("Message on presentation context " + contextId
                        + " which was not accepted", null);
            }
            message = CommandCodec.decode(command);
        } catch (InvalidCommandException e) {
            return refuse(pc, e);
        }
        if (message instanceof DimseResponse rsp) {
            return onResponse(rsp);
        }
        return onRequest(pc, (DimseRequest) message);
    }

    /** The association ended (released, aborted or broken): fails every outstanding request. */
    public void onClosed(IOException cause) {
        closed = cause == null ? new IOException("Association closed") : cause;
        outstanding.failAll(closed);
    }

    private DataSink onRequest(AcceptedContext pc, DimseRequest rq) throws IOException {
        RequestContext ctx = new RequestContext(pc, channel.localAet(), channel.remoteAet(), this);
        afterResponse.clear();
        if (!rq.hasDataSet()) {
            send(pc.id(), perform(ctx, rq, InputStream.nullInputStream()), null);
            runAfterResponse();
            return DataSink.NO_DATA_SET;
        }
        InputStream data = channel.dataSet();
        DimseResponse rsp = perform(ctx, rq, data);
        drain(data); // the response follows the whole request message
        send(pc.id(), rsp, null);
        runAfterResponse();
        return DataSink.NO_DATA_SET; // the data set was read to its end: nothing more to receive
    }

    private void runAfterResponse() {
        java.util.List<Runnable> tasks = java.util.List.copyOf(afterResponse);
        afterResponse.clear();
        for (Runnable task : tasks) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("task after the response to {} failed", channel.remoteAet(), e);
            }
        }
    }

    private DimseResponse perform(RequestContext ctx, DimseRequest rq, InputStream data) throws IOException {
        try {
            return handler.handle(ctx, rq, data);
        } catch (RuntimeException e) {
            LOG.error("{} from {}: handler failed", CommandField.name(rq.commandField()), channel.remoteAet(), e);
            return new GenericRsp(CommandField.responseOf(rq.commandField()), rq.messageId(), rq.sopClassUid(),
                    Status.PROCESSING_FAILURE.withComment(e.getClass().getSimpleName()));
        }
    }

    private DataSink onResponse(DimseResponse rsp) {
        if (!rsp.hasDataSet()) {
            complete(rsp);
            return DataSink.NO_DATA_SET;
        }
        // This layer's requests expect no reply data (C-STORE, C-ECHO, and N-ACTION / N-EVENT-REPORT
        // as Storage Commitment uses them): the data set is read and dropped.
        LOG.debug("{} from {} carries a data set; discarded", CommandField.name(rsp.commandField()),
                channel.remoteAet());
        return (buffer, offset, length, last) -> {
            if (last) {
                complete(rsp);
            }
        };
    }

    private void complete(DimseResponse rsp) {
        OutstandingRequests.Entry e = outstanding.remove(rsp.messageIdBeingRespondedTo());
        if (e == null) {
            LOG.warn("{} from {} answers Message ID {} which is not outstanding; ignored",
                    CommandField.name(rsp.commandField()), channel.remoteAet(), rsp.messageIdBeingRespondedTo());
            return;
        }
        e.response().complete(rsp);
    }

    private DataSink refuse(AcceptedContext pc, InvalidCommandException e) throws IOException {
        if (pc != null && e.commandField() == CommandField.C_CANCEL_RQ) {
            // PS3.7 §9.3.2.3: C-CANCEL has no response; this layer runs no cancellable operation.
            LOG.info("C-CANCEL-RQ from {} ignored: no C-FIND/C-GET/C-MOVE is running", channel.remoteAet());
            return e.hasDataSet() ? (buffer, offset, length, last) -> { } : DataSink.NO_DATA_SET;
        }
        if (pc == null || !e.answerable()) {
            LOG.warn("Aborting association with {}: {}", channel.remoteAet(), e.getMessage());
            channel.abort();
            throw new IOException("Aborted: " + e.getMessage(), e);
        }
        LOG.warn("{} from {} refused with {}: {}", CommandField.name(e.commandField()), channel.remoteAet(),
                e.status(), e.getMessage());
        GenericRsp rsp = new GenericRsp(CommandField.responseOf(e.commandField()), e.messageId(),
                e.affectedSopClassUid(), e.status());
        if (!e.hasDataSet()) {
            send(pc.id(), rsp, null);
            return DataSink.NO_DATA_SET;
        }
        return (buffer, offset, length, last) -> {
            if (last) {
                send(pc.id(), rsp, null);
            }
        };
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
