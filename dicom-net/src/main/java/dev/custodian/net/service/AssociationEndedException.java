package dev.custodian.net.service;

import dev.custodian.net.ul.CloseReason;
import java.io.IOException;
import java.util.Objects;

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
}
