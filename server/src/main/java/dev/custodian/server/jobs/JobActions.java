package dev.custodian.server.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Orthanc's four actions on a job ({@code POST /jobs/{id}/pause|resume|cancel|resubmit}) and
 * which state each applies to. Pause: Pending and Retry at once, Running after its step, Paused
 * and finished jobs unchanged. Resume: Paused only. Cancel: Pending, Paused and Retry at once,
 * Running after its step, finished jobs unchanged. Resubmit: Failure only, from the first step.
 */
public final class JobActions {
    /** The answer to an action. */
    public enum Result { DONE, UNKNOWN_JOB, NOT_ALLOWED }

    /** @param message why an action was not allowed, or what was done */
    public record Outcome(Result result, String message) {}

    private static final int RACES = 5;

    private final JobStore store;
    private final JobTypes types;
    private final Clock clock;
    private final ObjectMapper json;
    private final Runnable wakeUp;
    private final Runnable trimHistory;

    JobActions(JobStore store, JobTypes types, Clock clock, ObjectMapper json, Runnable wakeUp, Runnable trimHistory) {
        this.store = store;
        this.types = types;
        this.clock = clock;
        this.json = json;
        this.wakeUp = wakeUp;
        this.trimHistory = trimHistory;
    }

    Outcome pause(String id) {
        for (int i = 0; i < RACES; i++) { // the job may change state between our read and our write
            Optional<JobRecord> r = store.find(id);
            if (r.isEmpty()) {
                return unknown(id);
            }
            JobState s = r.get().state();
            if (s == JobState.PAUSED || s.isFinished()) {
                return done("job is " + s.orthancName() + ": nothing to pause");
            }
            if (s == JobState.RUNNING ? store.requestControl(id, "pause")
                    : store.transition(id, List.of(JobState.PENDING, JobState.RETRY), JobState.PAUSED, JobError.NONE, null)) {
                if (s == JobState.RUNNING) {
                    return done("pause requested: takes effect after the current step");
                }
                JobRunner.logTransition(id, r.get().type(), s, JobState.PAUSED, "paused through the REST API");
                return done("paused");
            }
        }
        return new Outcome(Result.NOT_ALLOWED, "job " + id + " keeps changing state; try again");
    }

    Outcome resume(String id) {
        Optional<JobRecord> r = store.find(id);
        if (r.isEmpty()) {
            return unknown(id);
        }
        if (r.get().state() == JobState.RUNNING && "pause".equals(r.get().control()) && store.requestControl(id, null)) {
            return done("the pause requested for the running job is withdrawn");
        }
        if (store.transition(id, List.of(JobState.PAUSED), JobState.PENDING, JobError.NONE, null)) {
            JobRunner.logTransition(id, r.get().type(), JobState.PAUSED, JobState.PENDING, "resumed through the REST API");
            wakeUp.run();
            return done("resumed");
        }
        return notAllowed(id, r.get(), "only a paused job can be resumed");
    }

    Outcome cancel(String id) {
        for (int i = 0; i < RACES; i++) {
            Optional<JobRecord> r = store.find(id);
            if (r.isEmpty()) {
                return unknown(id);
            }
            JobState s = r.get().state();
            if (s.isFinished()) {
                return done("job is " + s.orthancName() + ": nothing to cancel");
            }
            if (s == JobState.RUNNING) {
                if (store.requestControl(id, "cancel")) {
                    return done("cancel requested: takes effect after the current step");
                }
            } else if (store.transition(id, List.of(JobState.PENDING, JobState.PAUSED, JobState.RETRY), JobState.FAILURE,
                    JobError.canceled(), clock.millis())) {
                JobRunner.logTransition(id, r.get().type(), s, JobState.FAILURE, JobError.canceled().description());
                trimHistory.run();
                return done("canceled");
            }
        }
        return new Outcome(Result.NOT_ALLOWED, "job " + id + " keeps changing state; try again");
    }

    Outcome resubmit(String id) {
        Optional<JobRecord> r = store.find(id);
        if (r.isEmpty()) {
            return unknown(id);
        }
        if (r.get().state() != JobState.FAILURE) {
            return notAllowed(id, r.get(), "only a failed job can be resubmitted");
        }
        Job job;
        try {
            job = types.restore(r.get().type(), json.readTree(r.get().jobState()));
            job.reset();
            if (!store.resubmit(id, json.writeValueAsString(job.content()), json.writeValueAsString(job.serialize()))) {
                return notAllowed(id, store.find(id).orElse(r.get()), "only a failed job can be resubmitted");
            }
        } catch (IOException | IllegalArgumentException e) {
            return new Outcome(Result.NOT_ALLOWED, "job " + id + " cannot be restarted on this node: " + e.getMessage());
        }
        JobRunner.logTransition(id, r.get().type(), JobState.FAILURE, JobState.PENDING, "resubmitted through the REST API");
        wakeUp.run();
        return done("resubmitted");
    }

    private static Outcome done(String message) {
        return new Outcome(Result.DONE, message);
    }

    private static Outcome unknown(String id) {
        return new Outcome(Result.UNKNOWN_JOB, "unknown job " + id);
    }

    private static Outcome notAllowed(String id, JobRecord r, String rule) {
        return new Outcome(Result.NOT_ALLOWED, rule + "; job " + id + " is " + r.state().orthancName());
    }
}
