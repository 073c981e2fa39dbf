package dev.custodian.server.commit.scu;

import dev.custodian.stgcmt.FailureReason;
import dev.custodian.stgcmt.SopReference;
import java.util.Objects;

/**
 * One row of {@code stgcmt_scu_references}: a referenced instance of a transaction, the N-ACTION
 * part it went in, the local instance it stands for (null when the request named UIDs only) and
 * what the remote said about it.
 */
public record ScuReference(int position, String partUid, SopReference sop, String instanceId, Result result,
                           FailureReason failureReason) {
    /** What the remote said: nothing yet, committed (Referenced SOP Sequence), failed (Failed SOP Sequence). */
    public enum Result { PENDING, COMMITTED, FAILED }

    public ScuReference {
        Objects.requireNonNull(partUid, "partUid");
        Objects.requireNonNull(sop, "sop");
        Objects.requireNonNull(result, "result");
        if ((result == Result.FAILED) != (failureReason != null)) {
            throw new IllegalArgumentException("a Failure Reason goes with a failed reference only");
        }
    }

    /** A reference not reported yet. */
    public static ScuReference pending(int position, String partUid, SopReference sop, String instanceId) {
        return new ScuReference(position, partUid, sop, instanceId, Result.PENDING, null);
    }
}
