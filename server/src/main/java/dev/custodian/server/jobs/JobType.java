package dev.custodian.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** Rebuilds the jobs of one type from their saved state ({@link Job#serialize()}). */
public interface JobType {
    /** Orthanc's job type name, as in {@link Job#type()}. */
    String name();

    /** @throws IllegalArgumentException when the state is not one this type wrote */
    Job restore(JsonNode state);

    /**
     * The output {@code name} of the job {@code jobId} ({@code GET /jobs/{id}/{name}}), or empty when
     * this type has no such output. None by default.
     */
    default Optional<JsonNode> output(String jobId, String name) {
        return Optional.empty();
    }
}
