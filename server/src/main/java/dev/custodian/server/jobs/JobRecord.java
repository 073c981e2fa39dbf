package dev.custodian.server.jobs;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of the {@code jobs} table: what {@code GET /jobs/{id}} shows, plus the saved job
 * state and the claim. {@code content} and {@code jobState} are JSON text.
 *
 * @param control a pause or cancel asked for while the job runs, applied after its step
 * @param owner the run ID of the node running the job, or null
 * @param leaseUntil epoch ms after which another node may take the job over, or null
 * @param retryAt epoch ms at which a job in Retry becomes runnable, or null
 */
public record JobRecord(String id, String type, JobState state, int priority, int progress, Instant creationTime,
                        Instant completionTime, long runtimeMillis, JobError error, String content, String jobState,
                        String control, String owner, Long leaseUntil, Long retryAt) {
    public JobRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(creationTime, "creationTime");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(jobState, "jobState");
        if (progress < 0 || progress > 100) {
            throw new IllegalArgumentException("progress must be in 0..100: " + progress);
        }
        if (runtimeMillis < 0) {
            throw new IllegalArgumentException("runtime must be >= 0: " + runtimeMillis);
        }
    }
}
