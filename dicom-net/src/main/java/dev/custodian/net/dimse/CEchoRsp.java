package dev.custodian.net.dimse;

/** C-ECHO-RSP, PS3.7 §9.3.5.2 (table 9.3-13); Affected SOP Class UID is optional (U). */
public record CEchoRsp(int messageIdBeingRespondedTo, String affectedSopClassUid, Status status)
        implements DimseResponse {
    public CEchoRsp {
        Checks.messageId(messageIdBeingRespondedTo, "Message ID Being Responded To");
        Checks.optionalUid(affectedSopClassUid, "Affected SOP Class UID");
        Checks.status(status);
    }

    @Override
    public int commandField() {
        return CommandField.C_ECHO_RSP;
    }

    @Override
    public boolean hasDataSet() {
        return false;
    }
}
