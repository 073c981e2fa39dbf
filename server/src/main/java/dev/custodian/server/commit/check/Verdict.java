package dev.custodian.server.commit.check;

import dev.custodian.stgcmt.FailureReason;
import java.util.Optional;

/**
 * What a {@link CommitmentCheck} says of one referenced instance: committed (no reason), or not,
 * with the Failure Reason (0008,1197) to report and a short text for logs and the job output.
 */
public record Verdict(FailureReason reason, String description) {
    public static final Verdict COMMITTED = new Verdict(null, null);

    public Verdict {
        if (reason == null && description != null) {
            throw new IllegalArgumentException("a committed verdict has no description");
        }
        if (reason != null && description == null) {
            description = reason.description();
        }
    }

    public static Verdict failed(FailureReason reason, String description) {
        return new Verdict(java.util.Objects.requireNonNull(reason, "reason"), description);
    }

    public boolean committed() {
        return reason == null;
    }

    public Optional<FailureReason> failure() {
        return Optional.ofNullable(reason);
    }
}
