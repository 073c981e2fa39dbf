package dev.custodian.net.dimse;

/**
 * A request was answered by a response of another kind: typically a {@link GenericRsp} refusing
 * an operation the peer does not perform. The response is kept for its status.
 */
public final class UnexpectedResponseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient DimseResponse response;

    public UnexpectedResponseException(String message, DimseResponse response) {
        super(message);
        this.response = response;
    }

    public DimseResponse response() {
        return response;
    }
}
