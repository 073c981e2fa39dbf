package dev.custodian.net.dimse;

/**
 * N-ACTION-RSP, PS3.7 §10.3.4.2 (table 10.3-8). Affected SOP Class/Instance UID are optional;
 * Action Type ID is conditional (present when an Action Reply follows, null otherwise allowed).
 */
public record NActionRsp(int messageIdBeingRespondedTo, String affectedSopClassUid,
                         String affectedSopInstanceUid, Integer actionTypeId, Status status,
                         boolean hasDataSet) implements DimseResponse {
    public NActionRsp {
        Checks.messageId(messageIdBeingRespondedTo, "Message ID Being Responded To");
        Checks.optionalUid(affectedSopClassUid, "Affected SOP Class UID");
        Checks.optionalUid(affectedSopInstanceUid, "Affected SOP Instance UID");
        if (actionTypeId != null) {
            Checks.us(actionTypeId, "Action Type ID");
        }
        Checks.status(status);
    }

    @Override
    public int commandField() {
        return CommandField.N_ACTION_RSP;
    }
}
