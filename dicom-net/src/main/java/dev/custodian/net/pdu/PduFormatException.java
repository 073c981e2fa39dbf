package dev.custodian.net.pdu;

import java.io.IOException;

/**
 * Received bytes are not a valid PDU. Names the byte offset (from the start of the PDU) and the
 * A-ABORT reason the upper layer answers with. PS3.8 §9.3.8.
 */
public final class PduFormatException extends IOException {

    private final long offset;
    private final AbortReason abortReason;

    public PduFormatException(long offset, AbortReason abortReason, String problem) {
        super("malformed PDU at offset " + offset + ": " + problem);
        this.offset = offset;
        this.abortReason = abortReason;
    }

    public long offset() {
        return offset;
    }

    /** Reason code for the A-ABORT this error leads to. */
    public AbortReason abortReason() {
        return abortReason;
    }
}
