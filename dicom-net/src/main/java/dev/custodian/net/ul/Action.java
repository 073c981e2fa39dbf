package dev.custodian.net.ul;

/** Actions of the DICOM upper layer state machine. PS3.8 §9.2.2, Tables 9-6 to 9-9. */
public enum Action {
    AE_1("Issue TRANSPORT CONNECT request primitive to local transport service"),
    AE_2("Send A-ASSOCIATE-RQ-PDU"),
    AE_3("Issue A-ASSOCIATE confirmation (accept) primitive"),
    AE_4("Issue A-ASSOCIATE confirmation (reject) primitive and close transport connection"),
    AE_5("Issue Transport connection response primitive; start ARTIM timer"),
    AE_6("Stop ARTIM timer and if A-ASSOCIATE-RQ acceptable by service-provider issue A-ASSOCIATE indication, "
            + "otherwise issue A-ASSOCIATE-RJ-PDU and start ARTIM timer"),
    AE_7("Send A-ASSOCIATE-AC PDU"),
    AE_8("Send A-ASSOCIATE-RJ PDU and start ARTIM timer"),
    DT_1("Send P-DATA-TF PDU"),
    DT_2("Send P-DATA indication primitive"),
    AR_1("Send A-RELEASE-RQ PDU"),
    AR_2("Issue A-RELEASE indication primitive"),
    AR_3("Issue A-RELEASE confirmation primitive, and close transport connection"),
    AR_4("Issue A-RELEASE-RP PDU and start ARTIM timer"),
    AR_5("Stop ARTIM timer"),
    AR_6("Issue P-DATA indication"),
    AR_7("Issue P-DATA-TF PDU"),
    AR_8("Issue A-RELEASE indication (release collision)"),
    AR_9("Send A-RELEASE-RP PDU"),
    AR_10("Issue A-RELEASE confirmation primitive"),
    AA_1("Send A-ABORT PDU and start (or restart if already started) ARTIM timer"),
    AA_2("Stop ARTIM timer if running. Close transport connection"),
    AA_3("Issue A-ABORT or A-P-ABORT indication and close transport connection"),
    AA_4("Issue A-P-ABORT indication primitive"),
    AA_5("Stop ARTIM timer"),
    AA_6("Ignore PDU"),
    AA_7("Send A-ABORT PDU"),
    AA_8("Send A-ABORT PDU (service-provider source), issue an A-P-ABORT indication, and start ARTIM timer");

    private final String description;

    Action(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** "AE-6" as the standard writes it. */
    public String label() {
        return name().replace('_', '-');
    }
}
