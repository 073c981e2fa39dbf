package dev.custodian.server.commit.check;

import dev.custodian.stgcmt.SopReference;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The plain values of one Storage Commitment transaction a {@link CommitmentCheck} is opened for
 * (the values Orthanc's storage-commitment factory receives). The references are not held in
 * memory: {@link References#forEach} streams them from the database in the request's order.
 *
 * @param jobId          the {@code StorageCommitmentScp} job's ID
 * @param transactionUid Transaction UID (0008,1195)
 * @param remoteAet      the requesting modality's AE title
 * @param calledAet      our AE title it called
 * @param count          how many references the request has
 * @param references     all references, streamed on demand
 */
public record CheckedTransaction(String jobId, String transactionUid, String remoteAet, String calledAet, int count,
                                 References references) {
    public CheckedTransaction {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(transactionUid, "transactionUid");
        Objects.requireNonNull(remoteAet, "remoteAet");
        Objects.requireNonNull(calledAet, "calledAet");
        Objects.requireNonNull(references, "references");
        if (count < 1) {
            throw new IllegalArgumentException("a transaction references at least one instance: " + count);
        }
    }

    /** The references of the request, read on demand. */
    @FunctionalInterface
    public interface References {
        void forEach(Consumer<SopReference> each);
    }
}
