package dev.custodian.net.dimse;

/**
 * A command set that cannot be turned into a message record (PS3.7 §6.3.1, §9.3, §10.3): a
 * required element is missing, a value is malformed, or the command field is not one this
 * layer performs. Carries what could be read, so that the receiver can still answer the
 * request with {@link #status()} when {@link #answerable()}; otherwise it must abort.
 */
public final class InvalidCommandException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int commandField;
    private final int messageId;
    private final String affectedSopClassUid;
    private final boolean hasDataSet;
    private final transient Status status;

    /**
     * @param commandField the Command Field, or -1 when unreadable
     * @param messageId    the Message ID (requests) or Message ID Being Responded To, or -1
     * @param hasDataSet   whether a data set follows (true when unreadable: the safe guess for
     *                     the reader, which then drains whatever comes)
     */
    public InvalidCommandException(String message, int commandField, int messageId,
                                   String affectedSopClassUid, boolean hasDataSet, Status status) {
        super(message);
        this.commandField = commandField;
        this.messageId = messageId;
        this.affectedSopClassUid = affectedSopClassUid;
        this.hasDataSet = hasDataSet;
        this.status = status == null ? Status.PROCESSING_FAILURE : status;
    }

    /** An undecodable command set: no field can be trusted. */
    public static InvalidCommandException undecodable(String message, Throwable cause) {
        InvalidCommandException e = new InvalidCommandException(message, -1, -1, null, true, null);
        e.initCause(cause);
        return e;
    }

    public int commandField() {
        return commandField;
    }

    public int messageId() {
        return messageId;
    }

    public String affectedSopClassUid() {
        return affectedSopClassUid;
    }

    public boolean hasDataSet() {
        return hasDataSet;
    }

    /** The failure status to answer the request with. */
    public Status status() {
        return status;
    }

    /** True when this is a request whose command field and Message ID are known, so it can be answered. */
    public boolean answerable() {
        return commandField >= 0 && !CommandField.isResponse(commandField) && messageId >= 0
                && commandField != CommandField.C_CANCEL_RQ;
    }
}
