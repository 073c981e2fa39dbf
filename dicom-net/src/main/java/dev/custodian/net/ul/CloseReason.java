package dev.custodian.net.ul;

import java.util.Objects;
import java.util.Optional;

/**
 * How an association (or a connection that never became one) ended.
 *
 * @param detail human readable, e.g. "A-ABORT service-provider unexpected-PDU"
 * @param cause  the exception behind it, when there is one (may be null)
 */
public record CloseReason(Kind kind, String detail, Throwable cause) {

    public enum Kind {
        /** Orderly A-RELEASE. */
        RELEASED,
        /** The association request was rejected (by us or by the peer). */
        REJECTED,
        /** We sent an A-ABORT as service-user ({@link Association#abort}). */
        ABORTED_LOCALLY,
        /** The peer sent an A-ABORT. */
        ABORTED_BY_PEER,
        /** We detected a protocol error and sent an A-ABORT as service-provider. */
        PROTOCOL_ERROR,
        /** ARTIM or idle timer expired. */
        TIMEOUT,
        /** The transport closed without release or abort (peer vanished). */
        TRANSPORT_CLOSED
    }

    public CloseReason {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    public Optional<Throwable> optionalCause() {
        return Optional.ofNullable(cause);
    }

    @Override
    public String toString() {
        return kind + ": " + detail + (cause == null ? "" : " (" + cause.getClass().getSimpleName() + ")");
    }
}
