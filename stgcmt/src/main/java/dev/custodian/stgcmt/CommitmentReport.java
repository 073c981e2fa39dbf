package dev.custodian.stgcmt;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A Storage Commitment Result, the Event Information of N-EVENT-REPORT (PS3.4 §J.3.3.1.1 Table
 * J.3-2): which referenced instances the SCP commits to store and which it does not, and why.
 *
 * @param transactionUid  Transaction UID (0008,1195) of the request this answers
 * @param retrieveAeTitle Retrieve AE Title (0008,0054) where the committed instances can be
 *                        retrieved, null when absent
 * @param committed       Referenced SOP Sequence (0008,1199)
 * @param failed          Failed SOP Sequence (0008,1198) with Failure Reason (0008,1197)
 */
public record CommitmentReport(String transactionUid, String retrieveAeTitle, List<SopReference> committed,
                               List<FailedReference> failed) {
    public CommitmentReport {
        Values.uid(transactionUid, "Transaction UID (0008,1195)");
        retrieveAeTitle = Values.optionalAeTitle(retrieveAeTitle, "Retrieve AE Title (0008,0054)");
        committed = List.copyOf(Objects.requireNonNull(committed, "Referenced SOP Sequence (0008,1199)"));
        failed = List.copyOf(Objects.requireNonNull(failed, "Failed SOP Sequence (0008,1198)"));
        if (committed.isEmpty() && failed.isEmpty()) {
            throw new IllegalArgumentException("A Storage Commitment result references at least one SOP instance");
        }
    }

    /**
     * The result for {@code request}: every reference, in the request's order, is committed unless
     * {@code failures} gives it a reason (PS3.4 §J.3.3.1.2: the complete set of references is in
     * the report).
     */
    public static CommitmentReport of(CommitmentRequest request, String retrieveAeTitle,
                                      Map<SopReference, FailureReason> failures) {
        List<SopReference> ok = new ArrayList<>();
        List<FailedReference> ko = new ArrayList<>();
        for (SopReference ref : request.references()) {
            FailureReason why = failures.get(ref);
            if (why == null) {
                ok.add(ref);
            } else {
                ko.add(new FailedReference(ref, why));
            }
        }
        return new CommitmentReport(request.transactionUid(), retrieveAeTitle, ok, ko);
    }

    /** Event Type ID (PS3.4 §J.3.3.1): 1 when every instance is committed, 2 when failures exist. */
    public int eventTypeId() {
        return failed.isEmpty() ? StorageCommitment.EVENT_TYPE_SUCCESSFUL : StorageCommitment.EVENT_TYPE_FAILURES_EXIST;
    }

    public boolean allCommitted() {
        return failed.isEmpty();
    }

    public Optional<String> retrieveAe() {
        return Optional.ofNullable(retrieveAeTitle);
    }

    /**
     * The references of {@code request} this report neither commits nor fails (a peer breaking
     * PS3.4 §J.3.3.1.2); they must be treated as not committed.
     */
    public List<SopReference> notReported(CommitmentRequest request) {
        Set<SopReference> seen = new HashSet<>(committed);
        failed.forEach(f -> seen.add(f.reference()));
        return request.references().stream().filter(r -> !seen.contains(r)).toList();
    }
}
