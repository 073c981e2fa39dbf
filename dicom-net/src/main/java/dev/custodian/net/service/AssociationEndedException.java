package dev.custodian.net.service;

import dev.custodian.net.ul.CloseReason;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * The association ended (released, aborted, or its transport broke) while a request or its data
 * set was still in progress; {@link #reason()} says how. A request failing because of it is not a
 * failure of the service (see {@link ServiceDispatcher}).
 */
public final class AssociationEndedException extends IOException {
    private final transient CloseReason reason;

    public AssociationEndedException(String message, CloseReason reason) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public CloseReason reason() {
        return reason;
    }

    /**
     * Whether the upper layer has already logged this ending as a warning: a protocol error, which
     * the PS3.8 state machine answers with an A-ABORT and one WARN line.
     */
    boolean loggedAsWarning() {
        return reason.kind() == CloseReason.Kind.PROTOCOL_ERROR;
    }

    /** The {@link AssociationEndedException} among {@code t} and its causes, if any. */
    static Optional<AssociationEndedException> among(Throwable t) {
        Throwable c = t;
        for (int i = 0; c != null && i < 16; i++, c = c.getCause()) { // a cause chain may loop
            if (c instanceof AssociationEndedException e) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
