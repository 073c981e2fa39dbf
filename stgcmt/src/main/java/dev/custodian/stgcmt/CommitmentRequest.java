package dev.custodian.stgcmt;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Storage Commitment Request, the Action Information of N-ACTION Action Type 1 (PS3.4
 * §J.3.2.1.1 Table J.3-1).
 *
 * @param transactionUid         Transaction UID (0008,1195), chosen by the SCU, unique per request
 * @param references             Referenced SOP Sequence (0008,1199), at least one item, in order
 * @param storageMediaFileSetId  Storage Media File-Set ID (0088,0130), null when absent
 * @param storageMediaFileSetUid Storage Media File-Set UID (0088,0140), null when absent
 */
public record CommitmentRequest(String transactionUid, List<SopReference> references, String storageMediaFileSetId,
                                String storageMediaFileSetUid) {
    public CommitmentRequest {
        Values.uid(transactionUid, "Transaction UID (0008,1195)");
        Objects.requireNonNull(references, "Referenced SOP Sequence (0008,1199)");
        references = List.copyOf(references);
        if (references.isEmpty()) {
            throw new IllegalArgumentException("Referenced SOP Sequence (0008,1199) must have at least one item");
        }
        storageMediaFileSetId = Values.optionalShortString(storageMediaFileSetId, "Storage Media File-Set ID (0088,0130)");
        storageMediaFileSetUid = Values.optionalUid(storageMediaFileSetUid, "Storage Media File-Set UID (0088,0140)");
    }

    /** A request without storage media attributes. */
    public CommitmentRequest(String transactionUid, List<SopReference> references) {
        this(transactionUid, references, null, null);
    }

    public Optional<String> fileSetId() {
        return Optional.ofNullable(storageMediaFileSetId);
    }

    public Optional<String> fileSetUid() {
        return Optional.ofNullable(storageMediaFileSetUid);
    }
}
