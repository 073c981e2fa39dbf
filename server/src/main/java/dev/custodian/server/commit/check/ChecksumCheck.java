package dev.custodian.server.commit.check;

import dev.custodian.server.index.Index;
import dev.custodian.server.index.IndexedInstance;
import dev.custodian.server.store.StorageArea;
import dev.custodian.server.store.VerifyResult;
import dev.custodian.stgcmt.FailureReason;
import java.io.IOException;
import java.util.Objects;

/**
 * {@code Checksum}: as {@code Index}, and the instance's file is re-read and its size and SHA-256
 * match what was recorded when it was stored; otherwise 0110H. Costs a full read per instance.
 */
final class ChecksumCheck extends BuiltInCheck {
    private final StorageArea storage;

    ChecksumCheck(Index index, StorageArea storage) {
        super(index);
        this.storage = Objects.requireNonNull(storage, "storage");
    }

    @Override
    public String name() {
        return "Checksum";
    }

    @Override
    Verdict checkFile(IndexedInstance instance) throws IOException {
        VerifyResult result = storage.verify(instance.file());
        return switch (result) {
            case OK -> Verdict.COMMITTED;
            case MISSING -> Verdict.failed(FailureReason.PROCESSING_FAILURE, "file missing from the storage area");
            case CORRUPTED -> Verdict.failed(FailureReason.PROCESSING_FAILURE,
                    "file damaged: its SHA-256 differs from the one recorded at storage");
        };
    }
}
