package dev.custodian.stgcmt;

import dev.custodian.dicom.dict.Uid;

/** Identifiers of the Storage Commitment Push Model SOP Class, PS3.4 §J.3.5 and §J.3.2–J.3.3. */
public final class StorageCommitment {
    /** Storage Commitment Push Model SOP Class UID (PS3.4 §J.3.5). */
    public static final String SOP_CLASS_UID = Uid.StorageCommitmentPushModel;
    /** The well-known SOP Instance every request and report addresses (PS3.4 §J.3.5). */
    public static final String SOP_INSTANCE_UID = Uid.StorageCommitmentPushModelInstance;
    /** N-ACTION Action Type ID "Request Storage Commitment" (PS3.4 §J.3.2.1). */
    public static final int ACTION_TYPE_REQUEST = 1;
    /** N-EVENT-REPORT Event Type ID "Storage Commitment Request Successful" (PS3.4 §J.3.3.1). */
    public static final int EVENT_TYPE_SUCCESSFUL = 1;
    /** N-EVENT-REPORT Event Type ID "Storage Commitment Request Complete - Failures Exist" (PS3.4 §J.3.3.1). */
    public static final int EVENT_TYPE_FAILURES_EXIST = 2;

    private StorageCommitment() {
    }
}
