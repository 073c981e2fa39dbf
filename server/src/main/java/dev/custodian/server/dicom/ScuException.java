package dev.custodian.server.dicom;

/**
 * An SCU operation failed: association refused, timed out, aborted, or a failure status came back.
 * {@link #stored()} tells how many of the operation's instances the peer had stored before it
 * failed (0 when nothing was sent), so that a job can show how far it got.
 */
public final class ScuException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int stored;

    public ScuException(String message, Throwable cause) {
        super(message, cause);
        this.stored = 0;
    }

    public ScuException(String message) {
        this(message, 0);
    }

    /** @param stored instances of the operation stored (Success or Warning) before this failure */
    public ScuException(String message, int stored) {
        super(message);
        if (stored < 0) {
            throw new IllegalArgumentException("stored must be >= 0: " + stored);
        }
        this.stored = stored;
    }

    /** Instances of the failed operation that the peer had stored before the failure. */
    public int stored() {
        return stored;
    }
}
