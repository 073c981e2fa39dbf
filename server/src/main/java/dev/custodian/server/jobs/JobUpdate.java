package dev.custodian.server.jobs;

import java.util.Objects;

/** The saved fields of a job leaving Running ({@link JobStore#release}). Times are epoch ms. */
public record JobUpdate(int progress, String content, String jobState, long runtimeMillis, Long retryAt,
                        Long completionTime, JobError error) {
    public JobUpdate {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(jobState, "jobState");
        Objects.requireNonNull(error, "error");
        if (progress < 0 || progress > 100) {
            throw new IllegalArgumentException("progress must be in 0..100: " + progress);
        }
    }
}
