package dev.custodian.server.jobs;

import java.time.Duration;
import java.util.Objects;

/** What one {@link Job#step} achieved: the engine saves the job, then acts on it. */
public sealed interface StepResult {
    /** More steps to do; the engine saves the job and checks for pause / cancel first. */
    record Continue() implements StepResult {}

    /** All done: the job becomes Success. */
    record Success() implements StepResult {}

    /** The job cannot go on: it becomes Failure with this error (a resubmit starts it again). */
    record Failure(JobError error) implements StepResult {
        public Failure {
            Objects.requireNonNull(error, "error");
            if (error.isNone()) {
                throw new IllegalArgumentException("a failure needs an error code");
            }
        }
    }

    /**
     * A transient problem: the job becomes Retry, and Pending again once {@code delay} has
     * passed. The job keeps its own attempt count or deadline in its state and answers
     * {@link Failure} when it gives up.
     */
    record Retry(Duration delay, String reason) implements StepResult {
        public Retry {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("retry delay must be >= 0: " + delay);
            }
            reason = reason == null ? "" : reason;
        }
    }

    static StepResult proceed() {
        return new Continue();
    }

    static StepResult success() {
        return new Success();
    }

    static StepResult failure(JobError error) {
        return new Failure(error);
    }

    static StepResult retry(Duration delay, String reason) {
        return new Retry(delay, reason);
    }
}
