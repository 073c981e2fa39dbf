package dev.custodian.server.index;

import dev.custodian.server.store.StoredFile;
import java.util.Objects;

/** Where an instance's bytes are and how it arrived. */
public record InstanceFile(StoredFile file, Reception reception) {
    public InstanceFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reception, "reception");
    }
}
