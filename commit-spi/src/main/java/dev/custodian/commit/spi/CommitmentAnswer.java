package dev.custodian.commit.spi;

import java.util.Objects;

/**
 * What a {@link CommitmentLookup} answers for one instance: committed, or a {@link FailureReason}
 * with an optional short description (kept in the job's per-instance results and logs; it is not
 * sent to the modality, whose report carries the reason code only).
 *
 * @param reason      null when committed
 * @param description null when committed; otherwise the reason's meaning unless given
 */
public record CommitmentAnswer(FailureReason reason, String description) {
    /** Custodian takes responsibility for the instance. */
    public static final CommitmentAnswer COMMITTED = new CommitmentAnswer(null, null);

    public CommitmentAnswer {
        if (reason == null && description != null) {
            throw new IllegalArgumentException("a committed answer has no description");
        }
        if (reason != null && (description == null || description.isBlank())) {
            description = reason.meaning();
        }
    }

    /** Not committed, for {@code reason}, described by the reason's meaning. */
    public static CommitmentAnswer failed(FailureReason reason) {
        return new CommitmentAnswer(Objects.requireNonNull(reason, "reason"), null);
    }

    /** Not committed, for {@code reason}, with a site-specific description such as "no copy in /backup". */
    public static CommitmentAnswer failed(FailureReason reason, String description) {
        return new CommitmentAnswer(Objects.requireNonNull(reason, "reason"), description);
    }

    public boolean committed() {
        return reason == null;
    }
}
