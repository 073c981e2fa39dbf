package dev.custodian.server.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
    default void forEachFile(Instant modifiedBefore, Consumer<String> action) throws IOException {
        forEachFile(modifiedBefore, action, Instant.MIN);
    }

    /** As {@link #forEachFile(Instant, Consumer)}, only files last modified at or after {@code modifiedAfter}. */
    void forEachFile(Instant modifiedBefore, Consumer<String> action, Instant modifiedAfter) throws IOException;

    /** Size and SHA-256 of a stored file as it is now (to index a file found without its row). */
    default StoredFile measure(String uuid) throws IOException {
        try (InputStream in = open(uuid)) {
            return DigestingOutputStream.measure(uuid, in);
        }
    }

    /**
     * The file's path when this storage area keeps files on a local file system (to send them
     * with C-STORE without another copy); empty otherwise.
     */
    default java.util.Optional<java.nio.file.Path> localPath(String uuid) {
        return java.util.Optional.empty();
    }

    /**
     * The size of a stored file as it is now, without reading it where the storage can tell;
     * empty when there is no such file (what the Storage Commitment {@code File} check asks).
     */
    default java.util.OptionalLong size(String uuid) throws IOException {
        java.util.Optional<java.nio.file.Path> path = localPath(uuid);
        try {
            if (path.isPresent()) {
                return java.util.OptionalLong.of(java.nio.file.Files.size(path.get()));
            }
            try (InputStream in = open(uuid)) {
                return java.util.OptionalLong.of(in.transferTo(OutputStream.nullOutputStream()));
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return java.util.OptionalLong.empty();
        }
    }

    /** Re-reads the file and checks its size and SHA-256 against what was recorded. */
    VerifyResult verify(StoredFile expected) throws IOException;
}
