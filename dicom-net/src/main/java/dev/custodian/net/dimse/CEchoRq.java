package dev.custodian.net.dimse;

/** C-ECHO-RQ, PS3.7 §9.3.5.1 (table 9.3-12). */
public record CEchoRq(int messageId, String affectedSopClassUid) implements DimseRequest {
    public CEchoRq {
        Checks.messageId(messageId, "Message ID");
        Checks.uid(affectedSopClassUid, "Affected SOP Class UID");
    }

    @Override
    public int commandField() {
        return CommandField.C_ECHO_RQ;
    }

    @Override
    public boolean hasDataSet() {
        return false;
    }

    @Override
    public String sopClassUid() {
        return affectedSopClassUid;
    }
}
