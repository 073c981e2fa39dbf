package dev.custodian.server.index;

/** A write transaction of the index failed outside the caller's own work (savepoint, commit, connection). */
public final class IndexWriteException extends RuntimeException {
    private final boolean connectionLost;

    IndexWriteException(Exception cause, boolean connectionLost) {
        super("index write failed: " + DatabaseFailures.describe(cause)
                + (connectionLost ? " (the connection to the database was lost)" : ""), cause);
        this.connectionLost = connectionLost;
    }

    /** The connection no longer answered afterwards (a closed pool connection says so only by its message). */
    public boolean connectionLost() {
        return connectionLost;
    }
}
