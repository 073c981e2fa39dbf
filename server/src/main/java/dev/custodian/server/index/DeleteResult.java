package dev.custodian.server.index;

import java.util.List;

/**
 * What a deletion removed: the files to delete from the storage area now that the transaction
 * has committed, and the nearest ancestor still present (Orthanc's {@code RemainingAncestor}),
 * null when the whole patient went away; {@code committedInstances} of them were in the
 * commitment ledger (a forced deletion).
 */
public record DeleteResult(List<String> fileUuids, ResourceLevel remainingLevel, String remainingId,
                           long committedInstances) {
    public DeleteResult(List<String> fileUuids, ResourceLevel remainingLevel, String remainingId) {
        this(fileUuids, remainingLevel, remainingId, 0);
    }

    public DeleteResult {
        fileUuids = List.copyOf(fileUuids);
        if ((remainingLevel == null) != (remainingId == null)) {
            throw new IllegalArgumentException("remaining level and id go together");
        }
    }
}
