package dev.custodian.net.pdu;

import java.util.Objects;

/** A-ABORT PDU. PS3.8 §9.3.8. */
public record AAbort(AbortSource source, AbortReason reason) implements Pdu {

    public AAbort {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
    }

    /** An abort requested by the local service-user (reason not significant). */
    public static AAbort byServiceUser() {
        return new AAbort(AbortSource.SERVICE_USER, AbortReason.NOT_SPECIFIED);
    }

    /** An abort detected by the upper layer service-provider. */
    public static AAbort byServiceProvider(AbortReason reason) {
        return new AAbort(AbortSource.SERVICE_PROVIDER, reason);
    }

    @Override
    public int type() {
        return TYPE_A_ABORT;
    }
}
