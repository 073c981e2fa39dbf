package dev.custodian.net.pdu;

/** Result/Reason field of the presentation context item (AC). PS3.8 §9.3.3.2, Table 9-18. */
public enum PresentationContextResult {
    ACCEPTANCE(0),
    USER_REJECTION(1),
    /** No reason (provider rejection). */
    NO_REASON(2),
    ABSTRACT_SYNTAX_NOT_SUPPORTED(3),
    TRANSFER_SYNTAXES_NOT_SUPPORTED(4);

    private final int code;

    PresentationContextResult(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    static PresentationContextResult fromCode(int code) {
        for (PresentationContextResult r : values()) {
            if (r.code == code) {
                return r;
            }
        }
        return null;
    }
}
