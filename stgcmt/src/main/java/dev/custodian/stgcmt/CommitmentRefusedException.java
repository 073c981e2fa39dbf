package dev.custodian.stgcmt;

import dev.custodian.net.dimse.Status;

/**
 * The SCP answered the Storage Commitment N-ACTION with a failure status: it will not process the
 * request, and its Transaction UID is no longer active (PS3.4 §J.3.2.1.2).
 */
public final class CommitmentRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Status status;

    public CommitmentRefusedException(String transactionUid, Status status) {
        super("Storage Commitment request " + transactionUid + " refused: " + status);
        this.status = status;
    }

    public Status status() {
        return status;
    }
}
