package dev.custodian.server.commit.scu;

import java.util.Objects;

/**
 * One row of {@code stgcmt_scu_transactions}.
 *
 * @param uid            the public ID: the Transaction UID (0008,1195) of the first N-ACTION
 * @param modality       the symbolic name of the remote in {@code DicomModalities}, null when unknown
 * @param localAet       our calling AE title towards it
 * @param remoteAet      the remote's AE title ({@code RemoteAET})
 * @param solicited      false for a report whose Transaction UID we never issued, kept as received
 * @param origin         who asked: "REST API", "job &lt;id&gt;", "report" (unsolicited)
 * @param creationMillis when the row was written
 * @param deadlineMillis when a transaction still Pending becomes Timeout
 * @param completionMillis when it became Success, Failure or Timeout; null while Pending
 * @param parts          how many N-ACTIONs the references are split into
 * @param partsSent      how many of them the remote accepted (N-ACTION-RSP Success)
 * @param reports        how many N-EVENT-REPORTs were applied
 * @param retrieveAet    Retrieve AE Title (0008,0054) of the last report, null when absent
 * @param lastError      the last sending error, empty when none
 */
public record ScuTransaction(String uid, String modality, String localAet, String remoteAet, ScuStatus status,
                             boolean solicited, String origin, long creationMillis, long deadlineMillis,
                             Long completionMillis, int parts, int partsSent, int reports, String retrieveAet,
                             String lastError) {
    public ScuTransaction {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(localAet, "localAet");
        Objects.requireNonNull(remoteAet, "remoteAet");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(origin, "origin");
        if (parts < 1 || partsSent < 0 || partsSent > parts || reports < 0) {
            throw new IllegalArgumentException("inconsistent counts: parts " + parts + ", sent " + partsSent
                    + ", reports " + reports);
        }
        lastError = lastError == null ? "" : lastError;
    }
}
