package dev.custodian.server.commit.scp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodian.server.jobs.Job;
import dev.custodian.server.jobs.JobType;
import java.util.Objects;

/** Restores {@code StorageCommitmentScp} jobs from their saved state (header + cursor). */
public final class ScpJobType implements JobType {
    private final ScpServices services;

    ScpJobType(ScpServices services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    @Override
    public String name() {
        return ScpJob.TYPE;
    }

    @Override
    public Job restore(JsonNode state) {
        if (state == null || !state.has("State")) {
            throw new IllegalArgumentException("not a StorageCommitmentScp job state");
        }
        return new ScpJob(services, ScpJobHeader.fromJson(state), ScpJobState.fromJson(state.get("State")));
    }

    /** A new job for a transaction just received. */
    Job create(ScpTransaction transaction) {
        return new ScpJob(services, ScpJobHeader.of(transaction), ScpJobState.initial());
    }
}
