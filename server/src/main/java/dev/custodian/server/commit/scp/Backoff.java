package dev.custodian.server.commit.scp;

import dev.custodian.server.config.StorageCommitmentConfig;
import java.time.Duration;

/** Exponential back-off between attempts: initial × 2^(attempt − 1), at most the maximum. */
final class Backoff {
    private Backoff() {
    }

    /** The delay after failed attempt number {@code attempt} (1 = the first). */
    static Duration delay(StorageCommitmentConfig config, int attempt) {
        long initial = config.retryInitialDelay().toMillis();
        long max = config.retryMaximumDelay().toMillis();
        int shift = Math.min(Math.max(attempt - 1, 0), 40);
        long delay = initial > (max >> shift) ? max : initial << shift;
        return Duration.ofMillis(Math.min(delay, max));
    }
}
