package dev.custodian.server.index;

import dev.custodian.server.store.StoredFile;
import java.util.Objects;

/**
 * What the index records of one instance for a Storage Commitment check: its SOP class, its
 * Orthanc ID and its file (identifier, size, SHA-256).
 */
public record IndexedInstance(String sopInstanceUid, String sopClassUid, String publicId, StoredFile file) {
    public IndexedInstance {
        Objects.requireNonNull(sopInstanceUid, "sopInstanceUid");
        Objects.requireNonNull(sopClassUid, "sopClassUid");
        Objects.requireNonNull(publicId, "publicId");
        Objects.requireNonNull(file, "file");
    }
}
