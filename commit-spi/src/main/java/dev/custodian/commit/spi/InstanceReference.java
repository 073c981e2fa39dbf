package dev.custodian.commit.spi;

import java.util.Objects;

/**
 * One item of the request's Referenced SOP Sequence (0008,1199): Referenced SOP Class UID
 * (0008,1150) and Referenced SOP Instance UID (0008,1155), PS3.4 §J.3.2.1.1 Table J.3-1.
 */
public record InstanceReference(String sopClassUid, String sopInstanceUid) {
    public InstanceReference {
        Objects.requireNonNull(sopClassUid, "sopClassUid");
        Objects.requireNonNull(sopInstanceUid, "sopInstanceUid");
    }
}
