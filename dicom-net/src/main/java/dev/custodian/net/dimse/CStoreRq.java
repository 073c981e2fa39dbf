package dev.custodian.net.dimse;

/**
 * C-STORE-RQ, PS3.7 §9.3.1.1 (table 9.3-1). Always followed by a data set. Move Originator
 * Application Entity Title (0000,1030) and Move Originator Message ID (0000,1031) are present
 * only when the store is a C-MOVE sub-operation, so both or neither are set.
 */
public record CStoreRq(int messageId, String affectedSopClassUid, String affectedSopInstanceUid,
                       Priority priority, String moveOriginatorAet, Integer moveOriginatorMessageId)
        implements DimseRequest {
    public CStoreRq {
        Checks.messageId(messageId, "Message ID");
        Checks.uid(affectedSopClassUid, "Affected SOP Class UID");
        Checks.uid(affectedSopInstanceUid, "Affected SOP Instance UID");
        if (priority == null) {
            throw new IllegalArgumentException("Priority is required");
        }
        moveOriginatorAet = Checks.optionalAet(moveOriginatorAet, "Move Originator AE Title");
        if (moveOriginatorMessageId != null) {
            Checks.messageId(moveOriginatorMessageId, "Move Originator Message ID");
        }
        if ((moveOriginatorAet == null) != (moveOriginatorMessageId == null)) {
            throw new IllegalArgumentException(
                    "Move Originator AE Title and Move Originator Message ID go together");
        }
    }

    /** A C-STORE-RQ at medium priority that is not a C-MOVE sub-operation. */
    public CStoreRq(int messageId, String affectedSopClassUid, String affectedSopInstanceUid) {
        this(messageId, affectedSopClassUid, affectedSopInstanceUid, Priority.MEDIUM, null, null);
    }

    @Override
    public int commandField() {
        return CommandField.C_STORE_RQ;
    }

    @Override
    public boolean hasDataSet() {
        return true;
    }

    @Override
    public String sopClassUid() {
        return affectedSopClassUid;
    }
}
