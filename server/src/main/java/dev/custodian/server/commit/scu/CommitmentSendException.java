package dev.custodian.server.commit.scu;

/**
 * An N-ACTION did not go through: the remote could not be reached, broke the association, did
 * not answer in time, or answered a failure status (PS3.4 §J.3.2.1.2). {@code sent} parts of the
 * transaction had been accepted before.
 */
public final class CommitmentSendException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int sent;

    public CommitmentSendException(String message, int sent, Throwable cause) {
        super(message, cause);
        this.sent = sent;
    }

    public int sent() {
        return sent;
    }
}
