package dev.custodian.server.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A long task done in steps (Orthanc's job model). The engine calls {@link #step} from one worker
 * thread at a time, saves {@link #serialize()} after every step, and rebuilds the job from that
 * through its {@link JobType} after a restart, a pause or on another node: everything the next
 * step needs must be in the serialised state. A step should be short (seconds): pause, cancel
 * and an orderly shutdown wait for the step in progress; every blocking call in it has a timeout.
 */
public interface Job {
    /** Orthanc's job type, e.g. {@code DicomModalityStore}; the key of its {@link JobType}. */
    String type();

    /** Does the next piece of work. Exceptions other than interruption are turned into a failure. */
    StepResult step(JobContext context) throws InterruptedException;

    /** 0 to 100. */
    int progress();

    /** The public {@code Content} of {@code GET /jobs/{id}}. */
    ObjectNode content();

    /** Everything needed to continue after the last completed step. */
    ObjectNode serialize();

    /** Back to the first step, for {@code POST /jobs/{id}/resubmit} of a failed job. */
    void reset();

    /**
     * Releases what the job holds between its steps (e.g. an open association). The engine calls it
     * once when it stops running this job object, whatever the reason: success, failure, retry,
     * pause, cancel, shutdown, a lost lease or an error; the next run restores a new object from the
     * saved state. Never throws; nothing by default.
     */
    default void close() {
    }
}
