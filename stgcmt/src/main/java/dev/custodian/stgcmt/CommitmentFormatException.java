package dev.custodian.stgcmt;

import dev.custodian.net.dimse.DimseFailure;
import dev.custodian.net.dimse.Status;
import java.util.List;

/**
 * An Action or Event Information data set that is not a valid Storage Commitment request or
 * result. Carries the DIMSE status to answer with (PS3.7 §10.1.4.1.10 for N-ACTION, §10.1.1.1.8
 * for N-EVENT-REPORT) and, when one element is at fault, its tag as Offending Element.
 */
public final class CommitmentFormatException extends Exception {
    private static final long serialVersionUID = 1L;
    /** No particular element is at fault. */
    public static final int NO_TAG = -1;

    private final transient Status status;
    private final int tag;

    public CommitmentFormatException(Status status, int tag, String message) {
        this(status, tag, message, null);
    }

    public CommitmentFormatException(Status status, int tag, String message, Throwable cause) {
        super(message, cause);
        if (status == null || !status.isFailure()) {
            throw new IllegalArgumentException("a failure status is required: " + status);
        }
        this.status = status;
        this.tag = tag;
    }

    /** The status code to answer with (no related fields; see {@link #toDimseFailure()}). */
    public Status status() {
        return status;
    }

    /** The offending element's tag, or {@link #NO_TAG}. */
    public int tag() {
        return tag;
    }

    /** The failure for the response: this status with Error Comment and Offending Element. */
    public DimseFailure toDimseFailure() {
        Status s = tag == NO_TAG ? status : status.withOffendingElements(List.of(tag));
        return new DimseFailure(s, getMessage(), this);
    }
}
