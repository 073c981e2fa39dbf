package dev.custodian.stgcmt;

import java.util.List;
import java.util.Objects;

/**
 * A Storage Commitment Request (PS3.4 §J.3.2.1.1 Table J.3-1) read as a stream: everything but the
 * references, which went one by one to a {@link ReferenceSink}.
 *
 * @param transactionUid         Transaction UID (0008,1195)
 * @param count                  the number of Referenced SOP Sequence (0008,1199) items, at least one
 * @param storageMediaFileSetId  Storage Media File-Set ID (0088,0130), null when absent
 * @param storageMediaFileSetUid Storage Media File-Set UID (0088,0140), null when absent
 */
public record RequestSummary(String transactionUid, int count, String storageMediaFileSetId,
                             String storageMediaFileSetUid) {
    public RequestSummary {
        Values.uid(transactionUid, "Transaction UID (0008,1195)");
        if (count < 1) {
            throw new IllegalArgumentException("Referenced SOP Sequence (0008,1199) must have at least one item");
        }
        storageMediaFileSetId = Values.optionalShortString(storageMediaFileSetId, "Storage Media File-Set ID (0088,0130)");
        storageMediaFileSetUid = Values.optionalUid(storageMediaFileSetUid, "Storage Media File-Set UID (0088,0140)");
    }

    /** The request these references make up. */
    public CommitmentRequest withReferences(List<SopReference> references) {
        Objects.requireNonNull(references, "references");
        if (references.size() != count) {
            throw new IllegalArgumentException(references.size() + " references for a request of " + count);
        }
        return new CommitmentRequest(transactionUid, references, storageMediaFileSetId, storageMediaFileSetUid);
    }
}
