package dev.custodian.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The job types this node can run, by name; a job of another type stays in the table untouched. */
public final class JobTypes {
    private final Map<String, JobType> byName = new LinkedHashMap<>();

    public JobTypes(List<JobType> types) {
        for (JobType t : types) {
            if (byName.putIfAbsent(t.name(), t) != null) {
                throw new IllegalArgumentException("job type registered twice: " + t.name());
            }
        }
    }

    public boolean knows(String name) {
        return byName.containsKey(name);
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** The output {@code name} of a job of type {@code type}; empty when the type is unknown here or has none. */
    public Optional<JsonNode> output(String type, String jobId, String name) {
        JobType t = byName.get(type);
        return t == null ? Optional.empty() : t.output(jobId, name);
    }

    /** @throws IllegalArgumentException for an unknown type or a state the type cannot read */
    public Job restore(String name, JsonNode state) {
        JobType type = byName.get(name);
        if (type == null) {
            throw new IllegalArgumentException("no job type \"" + name + "\" on this node");
        }
        return type.restore(state);
    }
}
