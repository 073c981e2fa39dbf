package dev.custodian.net.pdu;

/** Source field of the A-ABORT PDU. PS3.8 §9.3.8, Table 9-26. */
public enum AbortSource {
    /** DICOM UL service-user (initiated abort). */
    SERVICE_USER(0),
    /** Value 1 is reserved by the standard; kept so that a received PDU round-trips. */
    RESERVED(1),
    /** DICOM UL service-provider (initiated abort). */
    SERVICE_PROVIDER(2);

    private final int code;

    AbortSource(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Decodes the wire value; {@code null} when the value is not defined by the standard. */
    static AbortSource fromCode(int code) {
        for (AbortSource s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        return null;
    }
}
