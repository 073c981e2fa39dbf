package dev.custodian.server.rest;

/** The Orthanc error codes the REST API reports in {@code OrthancStatus} / {@code OrthancError}. */
public enum OrthancError {
    INTERNAL_ERROR(-1, "Internal error", 500),
    PARAMETER_OUT_OF_RANGE(3, "Parameter out of range", 400),
    BAD_SEQUENCE_OF_CALLS(6, "Bad sequence of calls", 400),
    /** Custodian's: deleting instances the commitment ledger holds, without {@code ?force=true}. */
    COMMITTED_RESOURCE(6, "Bad sequence of calls", 409),
    INEXISTENT_ITEM(7, "Accessing an inexistent item", 404),
    BAD_REQUEST(8, "Bad request", 400),
    NETWORK_PROTOCOL(9, "Error in the network protocol", 500),
    BAD_FILE_FORMAT(15, "Bad file format", 400),
    UNKNOWN_RESOURCE(17, "Unknown resource", 404),
    FULL_STORAGE(19, "The file storage is full", 507),
    BAD_JSON(28, "Cannot parse a JSON document", 400),
    UNAUTHORIZED(29, "Bad credentials were provided to an HTTP request", 401);

    private final int code;
    private final String description;
    private final int httpStatus;

    OrthancError(int code, String description, int httpStatus) {
        this.code = code;
        this.description = description;
        this.httpStatus = httpStatus;
    }

    public int code() {
        return code;
    }

    public String description() {
        return description;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
