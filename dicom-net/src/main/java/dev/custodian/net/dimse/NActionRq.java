package dev.custodian.net.dimse;

/**
 * N-ACTION-RQ, PS3.7 §10.3.4.1 (table 10.3-7). {@code hasDataSet} tells whether Action
 * Information follows (Storage Commitment always sends one, PS3.4 §J.3.2).
 */
public record NActionRq(int messageId, String requestedSopClassUid, String requestedSopInstanceUid,
                        int actionTypeId, boolean hasDataSet) implements DimseRequest {
    public NActionRq {
        Checks.messageId(messageId, "Message ID");
        Checks.uid(requestedSopClassUid, "Requested SOP Class UID");
        Checks.uid(requestedSopInstanceUid, "Requested SOP Instance UID");
        Checks.us(actionTypeId, "Action Type ID");
    }

    @Override
    public int commandField() {
        return CommandField.N_ACTION_RQ;
    }

    @Override
    public String sopClassUid() {
        return requestedSopClassUid;
    }
}
