package dev.custodian.net.pdu;

/** Result field of the A-ASSOCIATE-RJ PDU. PS3.8 §9.3.4, Table 9-21. */
public enum RejectResult {
    REJECTED_PERMANENT(1),
    REJECTED_TRANSIENT(2);

    private final int code;

    RejectResult(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    static RejectResult fromCode(int code) {
        for (RejectResult r : values()) {
            if (r.code == code) {
                return r;
            }
        }
        return null;
    }
}
