package dev.custodian.net.pdu;

/** Source field of the A-ASSOCIATE-RJ PDU. PS3.8 §9.3.4, Table 9-21. */
public enum RejectSource {
    /** DICOM UL service-user. Reasons 1–10 (see {@link AAssociateRj}). */
    SERVICE_USER(1),
    /** DICOM UL service-provider (ACSE related function). Reasons 1–2. */
    SERVICE_PROVIDER_ACSE(2),
    /** DICOM UL service-provider (presentation related function). Reasons 1–2. */
    SERVICE_PROVIDER_PRESENTATION(3);

    private final int code;

    RejectSource(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    static RejectSource fromCode(int code) {
        for (RejectSource s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        return null;
    }
}
