package dev.custodian.server.tools;

import dev.custodian.stgcmt.CommitmentReport;
import dev.custodian.stgcmt.CommitmentRequest;
import dev.custodian.stgcmt.SopReference;
import java.util.List;
import java.util.Objects;

/**
 * What became of one Storage Commitment request (one Transaction UID, PS3.4 §J.3.2): its report,
 * or why there is none.
 *
 * @param request what was asked
 * @param state   how it ended
 * @param report  the N-EVENT-REPORT result when {@code state} is {@link State#REPORTED}, else null
 * @param problem in words, when not reported
 */
record TransactionOutcome(CommitmentRequest request, State state, CommitmentReport report, String problem) {
    enum State {
        /** The report came. */
        REPORTED,
        /** The N-ACTION-RSP was a failure status. */
        REFUSED,
        /** No N-ACTION-RSP or no report before the time-out. */
        TIMED_OUT,
        /** The association failed before the report (abort, I/O). */
        BROKEN
    }

    TransactionOutcome {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(state, "state");
        if ((state == State.REPORTED) != (report != null)) {
            throw new IllegalArgumentException("a report exactly when REPORTED");
        }
    }

    static TransactionOutcome reported(CommitmentRequest request, CommitmentReport report) {
        return new TransactionOutcome(request, State.REPORTED, report, null);
    }

    static TransactionOutcome failed(CommitmentRequest request, State state, String problem) {
        return new TransactionOutcome(request, state, null, problem);
    }

    /** The references the report neither committed nor failed (all of them when there is no report). */
    List<SopReference> notReported() {
        return report == null ? request.references() : report.notReported(request);
    }

    /** Orthanc's words for a commitment's status (GET /storage-commitment/{id}), plus Timeout and Refused. */
    String status() {
        return switch (state) {
            case REPORTED -> report.allCommitted() && notReported().isEmpty() ? "Success" : "Failure";
            case REFUSED, BROKEN -> "Refused";
            case TIMED_OUT -> "Timeout";
        };
    }

    int exitCode() {
        return switch (state) {
            case REPORTED -> report.allCommitted() && notReported().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
            case REFUSED, BROKEN -> ExitCodes.REFUSED;
            case TIMED_OUT -> ExitCodes.TIMEOUT;
        };
    }
}
