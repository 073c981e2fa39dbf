package dev.custodian.net.dimse;

/** C-STORE-RSP, PS3.7 §9.3.1.2 (table 9.3-2); the SOP Class/Instance UIDs are optional (U). */
public record CStoreRsp(int messageIdBeingRespondedTo, String affectedSopClassUid,
                        String affectedSopInstanceUid, Status status) implements DimseResponse {
    public CStoreRsp {
        Checks.messageId(messageIdBeingRespondedTo, "Message ID Being Responded To");
        Checks.optionalUid(affectedSopClassUid, "Affected SOP Class UID");
        Checks.optionalUid(affectedSopInstanceUid, "Affected SOP Instance UID");
        Checks.status(status);
    }

    @Override
    public int commandField() {
        return CommandField.C_STORE_RSP;
    }

    @Override
    public boolean hasDataSet() {
        return false;
    }
}
