package dev.custodian.net.dimse;

/**
 * A DIMSE service could not perform the request; carries the failure (or warning-less refusal)
 * status the response must report, PS3.7 Annex C. Services throw it; one dispatcher turns it
 * into the response.
 */
public class DimseFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Status status;

    public DimseFailure(Status status) {
        this(status, (Throwable) null);
    }

    public DimseFailure(Status status, String errorComment) {
        this(status.withComment(errorComment), (Throwable) null);
    }

    public DimseFailure(Status status, String errorComment, Throwable cause) {
        this(status.withComment(errorComment), cause);
    }

    private DimseFailure(Status status, Throwable cause) {
        super(status.toString(), cause);
        if (status.isSuccess()) {
            throw new IllegalArgumentException("A DimseFailure cannot carry Success");
        }
        this.status = status;
    }

    /** The status for the response, with Error Comment and Offending Element if set. */
    public Status status() {
        return status;
    }
}
