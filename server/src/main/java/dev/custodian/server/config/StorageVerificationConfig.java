package dev.custodian.server.config;

/**
 * Storage verification (Custodian's own keys): how fast a {@code StorageVerification} job may read
 * ({@code StorageVerificationRate}, MB/s, 0 = unlimited) and how often the whole archive is
 * verified on its own ({@code StorageVerificationPeriod}, hours, 0 = only when asked).
 */
public record StorageVerificationConfig(long rateMbPerSecond, long periodHours) {
    public StorageVerificationConfig {
        if (rateMbPerSecond < 0) {
            throw new IllegalArgumentException("StorageVerificationRate must be >= 0: " + rateMbPerSecond);
        }
        if (periodHours < 0) {
            throw new IllegalArgumentException("StorageVerificationPeriod must be >= 0: " + periodHours);
        }
    }

    /** 50 MB/s, no schedule. */
    public static StorageVerificationConfig defaults() {
        return new StorageVerificationConfig(50, 0);
    }

    public long bytesPerSecond() {
        return rateMbPerSecond * 1024 * 1024;
    }
}
