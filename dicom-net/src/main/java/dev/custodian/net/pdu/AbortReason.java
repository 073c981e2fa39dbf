package dev.custodian.net.pdu;

/**
 * Reason/Diag field of the A-ABORT PDU. PS3.8 §9.3.8, Table 9-26. Significant only when the
 * source is {@link AbortSource#SERVICE_PROVIDER}; otherwise sent as {@link #NOT_SPECIFIED}.
 */
public enum AbortReason {
    NOT_SPECIFIED(0),
    UNRECOGNIZED_PDU(1),
    UNEXPECTED_PDU(2),
    /** Value 3 is reserved by the standard. */
    RESERVED(3),
    UNRECOGNIZED_PDU_PARAMETER(4),
    UNEXPECTED_PDU_PARAMETER(5),
    INVALID_PDU_PARAMETER_VALUE(6);

    private final int code;

    AbortReason(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    static AbortReason fromCode(int code) {
        for (AbortReason r : values()) {
            if (r.code == code) {
                return r;
            }
        }
        return null;
    }
}
