package dev.custodian.net.dimse;

/**
 * N-EVENT-REPORT-RSP, PS3.7 §10.3.1.2 (table 10.3-2). Affected SOP Class/Instance UID are
 * optional; Event Type ID is conditional (null allowed).
 */
public record NEventReportRsp(int messageIdBeingRespondedTo, String affectedSopClassUid,
                              String affectedSopInstanceUid, Integer eventTypeId, Status status,
                              boolean hasDataSet) implements DimseResponse {
    public NEventReportRsp {
        Checks.messageId(messageIdBeingRespondedTo, "Message ID Being Responded To");
        Checks.optionalUid(affectedSopClassUid, "Affected SOP Class UID");
        Checks.optionalUid(affectedSopInstanceUid, "Affected SOP Instance UID");
        if (eventTypeId != null) {
            Checks.us(eventTypeId, "Event Type ID");
        }
        Checks.status(status);
    }

    @Override
    public int commandField() {
        return CommandField.N_EVENT_REPORT_RSP;
    }
}
