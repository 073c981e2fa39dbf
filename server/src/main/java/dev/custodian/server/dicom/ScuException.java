package dev.custodian.server.dicom;

/** An SCU operation failed: association refused, timed out, or a failure status came back. */
public final class ScuException extends Exception {
    private static final long serialVersionUID = 1L;

    public ScuException(String message, Throwable cause) {
        super(message, cause);
    }

    public ScuException(String message) {
        super(message);
    }
}
