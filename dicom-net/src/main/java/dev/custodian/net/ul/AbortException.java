package dev.custodian.net.ul;

import dev.custodian.net.pdu.AbortReason;
import dev.custodian.net.pdu.AbortSource;
import java.io.IOException;

/** The association was (or must be) aborted, with the A-ABORT source and reason. PS3.8 §9.3.8. */
public final class AbortException extends IOException {

    private final AbortSource source;
    private final AbortReason reason;

    public AbortException(AbortSource source, AbortReason reason, String message) {
        super(message + " [A-ABORT " + source + " " + reason + "]");
        this.source = source;
        this.reason = reason;
    }

    public AbortSource source() {
        return source;
    }

    public AbortReason reason() {
        return reason;
    }
}
