package dev.custodian.server.commit.scp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * The saved state of a {@code StorageCommitmentScp} job: a cursor into its reference rows and the
 * delivery's bookkeeping, the same few hundred bytes at reference 10 and at reference 100,000
 * (the UIDs stay in {@code commitment_references}).
 *
 * @param phase     what the next step does
 * @param cursor    position of the next reference to check
 * @param committed references committed so far
 * @param failed    references failed so far
 * @param attempts  delivery attempts made
 * @param refusals  N-EVENT-REPORT-RSPs with a failure status received
 * @param lastError why the last attempt (check or delivery) failed, "" when none
 * @param deadline  epoch ms after which delivery is no longer retried, 0 before the first attempt
 * @param graceUntil epoch ms until which missing instances wait for storing associations, 0 unset
 * @param checkErrors consecutive check failures (I/O) of the current batch
 * @param indexErrors consecutive failures to read or write the job's rows (a full disk, a lost
 *                    database): the back-off's exponent, reset by the next step that gets through
 */
record ScpJobState(Phase phase, int cursor, long committed, long failed, int attempts, int refusals,
                   String lastError, long deadline, long graceUntil, int checkErrors, int indexErrors) {
    /** The job's phases: check the references batch by batch, then deliver the report. */
    enum Phase { CHECK, REPORT, DONE }

    ScpJobState {
        Objects.requireNonNull(phase, "phase");
        lastError = lastError == null ? "" : lastError;
        if (cursor < 0 || committed < 0 || failed < 0 || attempts < 0 || refusals < 0 || checkErrors < 0
                || indexErrors < 0) {
            throw new IllegalArgumentException("negative counter in a StorageCommitmentScp job state");
        }
    }

    static ScpJobState initial() {
        return new ScpJobState(Phase.CHECK, 0, 0, 0, 0, 0, "", 0, 0, 0, 0);
    }

    ScpJobState checked(int count, long ok, long ko) {
        return new ScpJobState(phase, cursor + count, committed + ok, failed + ko, attempts, refusals, "",
                deadline, graceUntil, 0, 0);
    }

    ScpJobState inPhase(Phase next) {
        return new ScpJobState(next, cursor, committed, failed, attempts, refusals, lastError, deadline, graceUntil,
                checkErrors, indexErrors);
    }

    ScpJobState withCounts(long ok, long ko) {
        return new ScpJobState(phase, cursor, ok, ko, attempts, refusals, lastError, deadline, graceUntil, checkErrors,
                indexErrors);
    }

    ScpJobState withDeadline(long at) {
        return new ScpJobState(phase, cursor, committed, failed, attempts, refusals, lastError, at, graceUntil,
                checkErrors, indexErrors);
    }

    ScpJobState withGrace(long until) {
        return new ScpJobState(phase, cursor, committed, failed, attempts, refusals, lastError, deadline, until,
                checkErrors, indexErrors);
    }

    ScpJobState checkFailed(String error) {
        return new ScpJobState(phase, cursor, committed, failed, attempts, refusals, error, deadline, graceUntil,
                checkErrors + 1, indexErrors);
    }

    ScpJobState indexFailed(String error) {
        return new ScpJobState(phase, cursor, committed, failed, attempts, refusals, error, deadline, graceUntil,
                checkErrors, indexErrors + 1);
    }

    ScpJobState attempted(boolean refused, String error) {
        return new ScpJobState(phase, cursor, committed, failed, attempts + 1, refusals + (refused ? 1 : 0), error,
                deadline, graceUntil, checkErrors, 0);
    }

    ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("Phase", phase.name());
        o.put("Cursor", cursor);
        o.put("Committed", committed);
        o.put("Failed", failed);
        o.put("Attempts", attempts);
        o.put("Refusals", refusals);
        o.put("LastError", lastError);
        o.put("Deadline", deadline);
        o.put("GraceUntil", graceUntil);
        o.put("CheckErrors", checkErrors);
        o.put("IndexErrors", indexErrors);
        return o;
    }

    /** @throws IllegalArgumentException when {@code o} is not a state this class wrote */
    static ScpJobState fromJson(JsonNode o) {
        if (o == null || !o.has("Phase") || !o.has("Cursor")) {
            throw new IllegalArgumentException("not a StorageCommitmentScp job state: " + o);
        }
        return new ScpJobState(Phase.valueOf(o.get("Phase").asText()), o.get("Cursor").asInt(),
                o.path("Committed").asLong(), o.path("Failed").asLong(), o.path("Attempts").asInt(),
                o.path("Refusals").asInt(), o.path("LastError").asText(""), o.path("Deadline").asLong(),
                o.path("GraceUntil").asLong(), o.path("CheckErrors").asInt(), o.path("IndexErrors").asInt());
    }
}
