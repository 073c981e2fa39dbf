package dev.custodian.net.dimse;

/**
 * N-EVENT-REPORT-RQ, PS3.7 §10.3.1.1 (table 10.3-1). {@code hasDataSet} tells whether Event
 * Information follows (the Storage Commitment report always has one, PS3.4 §J.3.3).
 */
public record NEventReportRq(int messageId, String affectedSopClassUid, String affectedSopInstanceUid,
                             int eventTypeId, boolean hasDataSet) implements DimseRequest {
    public NEventReportRq {
        Checks.messageId(messageId, "Message ID");
        Checks.uid(affectedSopClassUid, "Affected SOP Class UID");
        Checks.uid(affectedSopInstanceUid, "Affected SOP Instance UID");
        Checks.us(eventTypeId, "Event Type ID");
    }

    @Override
    public int commandField() {
        return CommandField.N_EVENT_REPORT_RQ;
    }

    @Override
    public String sopClassUid() {
        return affectedSopClassUid;
    }
}
