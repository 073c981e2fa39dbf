package dev.custodian.server.jobs;

import java.util.Arrays;

/**
 * The states of a job, named as Orthanc names them in {@code GET /jobs/{id}}. Pending → Running →
 * Success | Failure | Retry (→ Pending when its delay passes); Pause moves Pending, Running and
 * Retry to Paused; Resume moves Paused to Pending; Cancel moves any unfinished job to Failure;
 * Resubmit moves Failure to Pending.
 */
public enum JobState {
    PENDING("Pending"),
    RUNNING("Running"),
    PAUSED("Paused"),
    SUCCESS("Success"),
    FAILURE("Failure"),
    RETRY("Retry");

    private final String orthancName;

    JobState(String orthancName) {
        this.orthancName = orthancName;
    }

    /** The name in Orthanc's JSON and in the {@code jobs.state} column. */
    public String orthancName() {
        return orthancName;
    }

    public boolean isFinished() {
        return this == SUCCESS || this == FAILURE;
    }

    public static JobState of(String orthancName) {
        return Arrays.stream(values()).filter(s -> s.orthancName.equals(orthancName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown job state \"" + orthancName + "\""));
    }
}
