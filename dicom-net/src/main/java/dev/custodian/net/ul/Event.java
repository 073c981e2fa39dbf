package dev.custodian.net.ul;

/** Events of the DICOM upper layer state machine. PS3.8 §9.2.2, Table 9-10. */
public enum Event {
    EVT1("A-ASSOCIATE request (local user)", true),
    EVT2("Transport connect confirmation (local transport service)", false),
    EVT3("A-ASSOCIATE-AC PDU (received on transport connection)", false),
    EVT4("A-ASSOCIATE-RJ PDU (received on transport connection)", false),
    EVT5("Transport connection indication (local transport service)", false),
    EVT6("A-ASSOCIATE-RQ PDU (received on transport connection)", false),
    EVT7("A-ASSOCIATE response primitive (accept)", true),
    EVT8("A-ASSOCIATE response primitive (reject)", true),
    EVT9("P-DATA request primitive", true),
    EVT10("P-DATA-TF PDU", false),
    EVT11("A-RELEASE request primitive", true),
    EVT12("A-RELEASE-RQ PDU (received on open transport connection)", false),
    EVT13("A-RELEASE-RP PDU (received on transport connection)", false),
    EVT14("A-RELEASE response primitive", true),
    EVT15("A-ABORT request primitive", true),
    EVT16("A-ABORT PDU (received on open transport connection)", false),
    EVT17("Transport connection closed indication (local transport service)", false),
    EVT18("ARTIM timer expired (Association reject/release timer)", false),
    EVT19("Unrecognized or invalid PDU received", false);

    private final String description;
    private final boolean localPrimitive;

    Event(String description, boolean localPrimitive) {
        this.description = description;
        this.localPrimitive = localPrimitive;
    }

    public String description() {
        return description;
    }

    /** True for service-user primitives; using one in a state where it has no action is a programming error. */
    public boolean isLocalPrimitive() {
        return localPrimitive;
    }

    public String label() {
        return "Evt" + name().substring(3);
    }
}
