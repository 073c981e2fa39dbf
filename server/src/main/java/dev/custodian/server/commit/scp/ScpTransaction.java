package dev.custodian.server.commit.scp;

import java.util.Objects;

/**
 * One received Storage Commitment request as the {@code commitment_transactions} row keeps it
 * (its references are rows of their own).
 *
 * @param jobId          the {@code StorageCommitmentScp} job's ID, the row's key
 * @param transactionUid Transaction UID (0008,1195)
 * @param remoteAet      the requester's AE title
 * @param calledAet      our AE title it called (the calling AE of the report's association)
 * @param modality       the name of the requester in {@code DicomModalities}
 * @param checkName      the {@code StorageCommitmentCheck} that decides
 * @param count          the number of references
 * @param duplicate      the Transaction UID was active already: every reference fails with 0131H
 * @param receivedAt     epoch ms
 */
public record ScpTransaction(String jobId, String transactionUid, String remoteAet, String calledAet, String modality,
                             String checkName, int count, boolean duplicate, long receivedAt) {
    public ScpTransaction {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(transactionUid, "transactionUid");
        Objects.requireNonNull(remoteAet, "remoteAet");
        Objects.requireNonNull(calledAet, "calledAet");
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(checkName, "checkName");
        if (count < 1) {
            throw new IllegalArgumentException("a transaction references at least one instance: " + count);
        }
    }
}
