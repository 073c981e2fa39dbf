package dev.custodian.server.commit.scu;

import dev.custodian.server.config.CustodianConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * The SCU's settings: our AE title, how long a transaction waits for its report, how long the
 * N-ACTION association lingers for a report on it, references per N-ACTION, the retry delay of
 * store jobs, and how many finished transactions are kept (0 = all).
 */
public record ScuSettings(String dicomAet, Duration deadline, Duration linger, int maxReferences, Duration retryDelay,
                          int retention) {
    public ScuSettings {
        Objects.requireNonNull(dicomAet, "dicomAet");
        if (deadline.isNegative() || deadline.isZero() || linger.isNegative() || retryDelay.isNegative()) {
            throw new IllegalArgumentException("deadline must be positive, linger and retry delay >= 0");
        }
        if (maxReferences < 1 || retention < 0) {
            throw new IllegalArgumentException("maxReferences must be >= 1 and retention >= 0");
        }
    }

    /** From {@code StorageCommitmentScu*} and {@code StorageCommitmentReportsSize}. */
    public static ScuSettings of(CustodianConfig c) {
        var s = c.commitmentScu();
        return new ScuSettings(c.dicomAet(), Duration.ofSeconds(s.deadlineSeconds()), Duration.ofSeconds(s.lingerSeconds()),
                s.maxReferences(), Duration.ofSeconds(s.retryDelaySeconds()), c.storageCommitmentReportsSize());
    }
}
