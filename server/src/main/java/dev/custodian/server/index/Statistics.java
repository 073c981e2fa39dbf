package dev.custodian.server.index;

/** Counts per level and the total size in bytes of the stored files. */
public record Statistics(long patients, long studies, long series, long instances, long totalSize) {
    public Statistics {
        if (patients < 0 || studies < 0 || series < 0 || instances < 0 || totalSize < 0) {
            throw new IllegalArgumentException("statistics cannot be negative");
        }
    }
}
