package dev.custodian.server.commit.check;

import dev.custodian.server.index.Index;
import dev.custodian.server.index.IndexedInstance;
import dev.custodian.server.store.StorageArea;
import dev.custodian.stgcmt.FailureReason;
import java.io.IOException;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * {@code File} (the default): as {@code Index}, and the instance's file is in the storage area
 * with the size recorded when it was stored; otherwise 0110H (never commit a file that is gone
 * or truncated). One {@code stat} per instance, no read.
 */
final class FileCheck extends BuiltInCheck {
    private final StorageArea storage;

    FileCheck(Index index, StorageArea storage) {
        super(index);
        this.storage = Objects.requireNonNull(storage, "storage");
    }

    @Override
    public String name() {
        return "File";
    }

    @Override
    Verdict checkFile(IndexedInstance instance) throws IOException {
        OptionalLong size = storage.size(instance.file().uuid());
        if (size.isEmpty()) {
            return Verdict.failed(FailureReason.PROCESSING_FAILURE, "file missing from the storage area");
        }
        if (size.getAsLong() != instance.file().size()) {
            return Verdict.failed(FailureReason.PROCESSING_FAILURE, "file damaged: " + size.getAsLong()
                    + " bytes instead of " + instance.file().size());
        }
        return Verdict.COMMITTED;
    }
}
