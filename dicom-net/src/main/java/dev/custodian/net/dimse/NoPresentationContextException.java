package dev.custodian.net.dimse;

/**
 * No accepted presentation context can carry the message (PS3.8 §7.1.1.13): the abstract
 * syntax was not accepted, or not with a transfer syntax the data can be sent in.
 */
public final class NoPresentationContextException extends Exception {
    private static final long serialVersionUID = 1L;

    public NoPresentationContextException(String message) {
        super(message);
    }
}
