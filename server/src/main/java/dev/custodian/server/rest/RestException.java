package dev.custodian.server.rest;

/** A request that fails with an Orthanc error; {@link RestServer} turns it into the JSON error body. */
public final class RestException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final OrthancError error;
    private final String details;

    public RestException(OrthancError error, String details) {
        super(error.description() + (details == null ? "" : ": " + details));
        this.error = error;
        this.details = details;
    }

    public OrthancError error() {
        return error;
    }

    public String details() {
        return details;
    }

    public static RestException unknown(String what) {
        return new RestException(OrthancError.UNKNOWN_RESOURCE, what);
    }
}
