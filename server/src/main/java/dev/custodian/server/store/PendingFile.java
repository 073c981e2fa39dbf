package dev.custodian.server.store;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A file being written, invisible to readers until {@link #commit()}. Closing it without a
 * commit aborts it (the temporary data is removed), so try-with-resources is the safe way to
 * use it.
 */
public interface PendingFile extends AutoCloseable {

    /** Where to write the content; size and checksum are computed while it streams through. */
    OutputStream output();

    /** Makes the file durable and visible; after this the file survives a crash. */
    StoredFile commit() throws IOException;

    /** Discards the written data. Idempotent; does nothing after a commit. */
    void abort();

    @Override
    default void close() {
        abort();
    }
}
