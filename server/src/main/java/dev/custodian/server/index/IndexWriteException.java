package dev.custodian.server.index;

/** A write transaction of the index failed outside the caller's own work (savepoint, commit, connection). */
public final class IndexWriteException extends RuntimeException {
    IndexWriteException(Exception cause) {
        super("index write failed: " + DatabaseFailures.describe(cause), cause);
    }
}
