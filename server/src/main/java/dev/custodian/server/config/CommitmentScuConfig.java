package dev.custodian.server.config;

/**
 * The Storage Commitment SCU keys (Custodian's; Orthanc has none of them):
 * {@code StorageCommitmentScuDeadline} (s a transaction waits for its report before it becomes
 * {@code Timeout}, 3600), {@code StorageCommitmentScuLinger} (s the N-ACTION association stays
 * open for a report on it, 5; 0 = released at once), {@code StorageCommitmentScuMaxReferences}
 * (references per N-ACTION, larger requests are split, 5000), {@code StorageCommitmentScuRetryDelay}
 * (s before a store job retries an N-ACTION the remote did not take, 30). The retention of
 * finished transactions is Orthanc's {@code StorageCommitmentReportsSize}.
 */
public record CommitmentScuConfig(int deadlineSeconds, int lingerSeconds, int maxReferences, int retryDelaySeconds) {
    public CommitmentScuConfig {
        require("StorageCommitmentScuDeadline", deadlineSeconds, 1);
        require("StorageCommitmentScuLinger", lingerSeconds, 0);
        require("StorageCommitmentScuMaxReferences", maxReferences, 1);
        require("StorageCommitmentScuRetryDelay", retryDelaySeconds, 1);
        if (maxReferences > 10_000) {
            throw new ConfigException("StorageCommitmentScuMaxReferences", "must be <= 10000, got " + maxReferences);
        }
    }

    public static CommitmentScuConfig defaults() {
        return new CommitmentScuConfig(3600, 5, 5000, 30);
    }

    private static void require(String key, int value, int min) {
        if (value < min) {
            throw new ConfigException(key, "must be >= " + min + ", got " + value);
        }
    }
}
