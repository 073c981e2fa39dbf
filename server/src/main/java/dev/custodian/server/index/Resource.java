package dev.custodian.server.index;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One patient, study, series or instance as the index knows it. {@code parentId} is null for a
 * patient; {@code file} is non-null exactly for an instance.
 */
public record Resource(ResourceLevel level, String id, String parentId, Map<MainDicomTag, String> tags,
                       Instant lastUpdate, List<String> children, InstanceFile file) {

    public Resource {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(lastUpdate, "lastUpdate");
        tags = tags.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(tags));
        children = List.copyOf(children);
        if ((level == ResourceLevel.PATIENT) != (parentId == null)) {
            throw new IllegalArgumentException("only a patient has no parent");
        }
        if ((level == ResourceLevel.INSTANCE) != (file != null)) {
            throw new IllegalArgumentException("exactly instances have a file");
        }
    }
}
