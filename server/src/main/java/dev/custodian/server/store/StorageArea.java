package dev.custodian.server.store;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Where instance files live, by identifier. Writes go through {@link PendingFile} so that a
 * file either is fully written and durable or does not exist.
 */
public interface StorageArea {

    /** Starts a new file. Throws {@link StorageFullException} when there is no room. */
    PendingFile begin() throws IOException;

    /** Reads a stored file; {@link java.nio.file.NoSuchFileException} when absent. */
    InputStream open(String uuid) throws IOException;

    /** Removes a stored file; returns false when it was already absent. */
    boolean delete(String uuid) throws IOException;

    /**
     * Calls {@code action} with the identifier of every stored file last modified before
     * {@code modifiedBefore} (pending files excluded), to find files the index does not know.
     */
    void forEachFile(Instant modifiedBefore, Consumer<String> action) throws IOException;

    /** Re-reads the file and checks its size and SHA-256 against what was recorded. */
    VerifyResult verify(StoredFile expected) throws IOException;
}
