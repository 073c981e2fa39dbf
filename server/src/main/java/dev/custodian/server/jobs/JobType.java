package dev.custodian.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;

/** Rebuilds the jobs of one type from their saved state ({@link Job#serialize()}). */
public interface JobType {
    /** Orthanc's job type name, as in {@link Job#type()}. */
    String name();

    /** @throws IllegalArgumentException when the state is not one this type wrote */
    Job restore(JsonNode state);
}
