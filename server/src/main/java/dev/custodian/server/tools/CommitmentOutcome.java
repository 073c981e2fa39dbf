package dev.custodian.server.tools;

import dev.custodian.stgcmt.FailedReference;
import dev.custodian.stgcmt.RemoteAe;
import dev.custodian.stgcmt.SopReference;
import java.util.List;
import java.util.Objects;

/**
 * The result of a {@code stgcmt} run (or of the {@code --stgcmt} of a store): the outcome of each
 * request sent, or the reason none could be sent.
 *
 * @param peer         the Storage Commitment SCP
 * @param transactions one per N-ACTION, in the order sent
 * @param connectError why no association could be established, or null
 */
record CommitmentOutcome(RemoteAe peer, List<TransactionOutcome> transactions, String connectError) {
    CommitmentOutcome {
        Objects.requireNonNull(peer, "peer");
        transactions = List.copyOf(transactions);
    }

    static CommitmentOutcome unreachable(RemoteAe peer, String why) {
        return new CommitmentOutcome(peer, List.of(), why);
    }

    List<SopReference> committed() {
        return transactions.stream().filter(t -> t.report() != null).flatMap(t -> t.report().committed().stream())
                .toList();
    }

    List<FailedReference> failed() {
        return transactions.stream().filter(t -> t.report() != null).flatMap(t -> t.report().failed().stream())
                .toList();
    }

    List<SopReference> notReported() {
        return transactions.stream().flatMap(t -> t.notReported().stream()).toList();
    }

    /** {@link ExitCodes}: 3 unreachable or refused, else 2 a report missing, else 1 a failure, else 0. */
    int exitCode() {
        if (connectError != null) {
            return ExitCodes.REFUSED;
        }
        return ExitCodes.worst(transactions.stream().map(TransactionOutcome::exitCode).toList());
    }

    /** Success, Failure, Timeout or Refused: the status of the worst transaction. */
    String status() {
        return switch (exitCode()) {
            case ExitCodes.OK -> "Success";
            case ExitCodes.FAILED -> "Failure";
            case ExitCodes.TIMEOUT -> "Timeout";
            default -> "Refused";
        };
    }
}
