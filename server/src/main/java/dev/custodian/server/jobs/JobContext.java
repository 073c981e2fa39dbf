package dev.custodian.server.jobs;

import java.time.Clock;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * What a step may consult: the job's ID, the engine's clock (for deadlines), and whether the
 * engine is stopping or the job has been asked to pause or cancel (a step doing several things
 * may end early and answer {@link StepResult.Continue}).
 */
public record JobContext(String jobId, Clock clock, BooleanSupplier stopRequested) {
    public JobContext {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(stopRequested, "stopRequested");
    }

    public boolean shouldStop() {
        return stopRequested.getAsBoolean();
    }
}
