package dev.custodian.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
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

    /** @throws IllegalArgumentException for an unknown type or a state the type cannot read */
    public Job restore(String name, JsonNode state) {
        JobType type = byName.get(name);
        if (type == null) {
            throw new IllegalArgumentException("no job type \"" + name + "\" on this node");
        }
        return type.restore(state);
    }
}
