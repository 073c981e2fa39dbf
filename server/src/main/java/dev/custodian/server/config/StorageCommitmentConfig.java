package dev.custodian.server.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The Storage Commitment SCP keys (beyond Orthanc, which has none of them):
 * {@code StorageCommitmentCheck} (what "committed" means, default {@code File}),
 * {@code StorageCommitmentMaximumReferences} (most references per request, 100,000),
 * {@code StorageCommitmentReportDeadline} (seconds during which delivery of a report is retried,
 * 86,400), {@code StorageCommitmentRetryInitialDelay} / {@code StorageCommitmentRetryMaximumDelay}
 * (milliseconds, the exponential back-off's bounds, 1,000 / 300,000),
 * {@code StorageCommitmentReportRefusals} (N-EVENT-REPORT-RSP failure statuses tolerated before
 * the job fails, 3) and {@code StorageCommitmentInFlightGrace} (seconds a missing instance may
 * wait for a C-STORE association of the requester to end, 60; 0 = no wait).
 */
public record StorageCommitmentConfig(String check, int maximumReferences, Duration reportDeadline,
                                      Duration retryInitialDelay, Duration retryMaximumDelay, int reportRefusals,
                                      Duration inFlightGrace) {
    public static final String DEFAULT_CHECK = "File";
    public static final int DEFAULT_MAXIMUM_REFERENCES = 100_000;

    public StorageCommitmentConfig {
        Objects.requireNonNull(check, "check");
        if (check.isBlank()) {
            throw new ConfigException("StorageCommitmentCheck", "must name a check (Index, File, Checksum or a plug-in)");
        }
        if (maximumReferences < 1) {
            throw new ConfigException("StorageCommitmentMaximumReferences", "must be >= 1, got " + maximumReferences);
        }
        if (retryInitialDelay.isNegative() || retryInitialDelay.isZero()) {
            throw new ConfigException("StorageCommitmentRetryInitialDelay", "must be >= 1 ms");
        }
        if (retryMaximumDelay.compareTo(retryInitialDelay) < 0) {
            throw new ConfigException("StorageCommitmentRetryMaximumDelay",
                    "must be >= StorageCommitmentRetryInitialDelay");
        }
        if (reportRefusals < 1) {
            throw new ConfigException("StorageCommitmentReportRefusals", "must be >= 1, got " + reportRefusals);
        }
        Objects.requireNonNull(reportDeadline, "reportDeadline");
        Objects.requireNonNull(inFlightGrace, "inFlightGrace");
    }

    public static StorageCommitmentConfig defaults() {
        return new StorageCommitmentConfig(DEFAULT_CHECK, DEFAULT_MAXIMUM_REFERENCES, Duration.ofDays(1),
                Duration.ofSeconds(1), Duration.ofMinutes(5), 3, Duration.ofSeconds(60));
    }

    /** The same with another server-wide check (a plug-in that became the default). */
    public StorageCommitmentConfig withCheck(String newCheck) {
        return new StorageCommitmentConfig(newCheck, maximumReferences, reportDeadline, retryInitialDelay,
                retryMaximumDelay, reportRefusals, inFlightGrace);
    }

    static StorageCommitmentConfig read(JsonFields f) {
        return new StorageCommitmentConfig(
                f.string("StorageCommitmentCheck", DEFAULT_CHECK),
                (int) f.integer("StorageCommitmentMaximumReferences", DEFAULT_MAXIMUM_REFERENCES, 1, 10_000_000),
                Duration.ofSeconds(f.integer("StorageCommitmentReportDeadline", 86_400, 1, 365L * 86_400)),
                Duration.ofMillis(f.integer("StorageCommitmentRetryInitialDelay", 1_000, 1, 86_400_000)),
                Duration.ofMillis(f.integer("StorageCommitmentRetryMaximumDelay", 300_000, 1, 86_400_000)),
                (int) f.integer("StorageCommitmentReportRefusals", 3, 1, 1000),
                Duration.ofSeconds(f.integer("StorageCommitmentInFlightGrace", 60, 0, 86_400)));
    }
}
