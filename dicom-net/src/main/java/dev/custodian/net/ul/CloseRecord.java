package dev.custodian.net.ul;

import dev.custodian.net.pdu.AbortReason;
import dev.custodian.net.pdu.AbortSource;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How one association ended (PS3.8 §7.2 release, §7.3 / §7.4 aborts, §9.1.5 ARTIM): the first
 * reason noted wins, and once the transport is closed the final reason goes, exactly once, to each
 * {@link CloseListener} and to the close future. Safe from any thread.
 */
final class CloseRecord {

    private static final Logger LOG = LoggerFactory.getLogger(Association.class);

    private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    private final List<CloseListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<CloseReason> reason = new AtomicReference<>();
    private volatile CloseReason finalReason;

    /** Notes why the association is ending, unless a reason was noted before. */
    void note(CloseReason.Kind kind, String detail, Throwable cause) {
        reason.compareAndSet(null, new CloseReason(kind, detail, cause));
    }

    /** How the association ended or is ending, once known. */
    CloseReason noted() {
        return reason.get();
    }

    /** Completes when the association has ended; the caller's own copy. */
    CompletableFuture<CloseReason> future() {
        return closed.copy();
    }

    /** Called once when the association ends; at once if it already has. */
    void addListener(Association association, CloseListener l) {
        listeners.add(l);
        CloseReason r = finalReason;
        if (r != null && listeners.remove(l)) {
            l.onClose(association, r); // ended meanwhile: whoever removes the listener calls it, exactly once
        }
    }

    /**
     * The transport is closed: fails the establishment if still pending, logs the final reason (the
     * reason noted, or a plain transport close) and tells the listeners and the close future.
     */
    void closed(Association association, CompletableFuture<Void> established) {
        CloseReason r = reason.get();
        if (r == null) {
            r = new CloseReason(CloseReason.Kind.TRANSPORT_CLOSED, "transport closed", null);
        }
        String peer = association.connection.remoteAddress();
        if (!established.isDone()) {
            established.completeExceptionally(r.kind() == CloseReason.Kind.ABORTED_BY_PEER
                    || r.kind() == CloseReason.Kind.PROTOCOL_ERROR
                    ? new AbortException(AbortSource.SERVICE_PROVIDER, AbortReason.NOT_SPECIFIED,
                    "association with " + peer + " failed: " + r.detail())
                    : new IOException("association with " + peer + " failed: " + r));
        }
        if (r.kind() == CloseReason.Kind.PROTOCOL_ERROR) {
            LOG.debug("{} closed: {}", association.name(), r); // the state machine's warning already said why
        } else {
            LOG.info("{} closed: {}", association.name(), r);
        }
        finalReason = r;
        for (CloseListener l : listeners) {
            if (listeners.remove(l)) {
                try {
                    l.onClose(association, r);
                } catch (RuntimeException e) {
                    LOG.warn("{} close listener failed", association.name(), e);
                }
            }
        }
        closed.complete(r);
    }
}
