package dev.custodian.stgcmt;

import java.util.Objects;

/** One item of the Failed SOP Sequence (0008,1198): the instance and its Failure Reason, PS3.4 §J.3.3.1.1. */
public record FailedReference(SopReference reference, FailureReason reason) {
    public FailedReference {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(reason, "Failure Reason (0008,1197)");
    }

    public String sopInstanceUid() {
        return reference.sopInstanceUid();
    }
}
