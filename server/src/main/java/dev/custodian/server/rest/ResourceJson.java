package dev.custodian.server.rest;

import dev.custodian.server.index.Index;
import dev.custodian.server.index.MainDicomTag;
import dev.custodian.server.index.Resource;
import dev.custodian.server.index.ResourceLevel;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/**
 * Orthanc's JSON of a patient, study, series or instance ({@code GET /patients/{id}} ...), keys in
 * Orthanc's (alphabetical) order. {@code LastUpdate} is written in UTC.
 */
final class ResourceJson {
    /** Orthanc's default {@code StableAge}: a resource without news for this long is stable. */
    static final Duration STABLE_AGE = Duration.ofSeconds(60);
    static final DateTimeFormatter LAST_UPDATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    private final Index index;
    private final Clock clock;

    ResourceJson(Index index, Clock clock) {
        this.index = index;
        this.clock = clock;
    }

    Map<String, Object> of(Resource r) {
        Map<String, Object> json = new TreeMap<>();
        json.put("ID", r.id());
        json.put("Type", r.level().orthancName());
        json.put("MainDicomTags", mainTags(r));
        switch (r.level()) {
            case PATIENT -> json.put("Studies", r.children());
            case STUDY -> {
                json.put("ParentPatient", r.parentId());
                json.put("Series", r.children());
                json.put("PatientMainDicomTags", index.mainDicomTags(ResourceLevel.PATIENT, r.parentId())
                        .map(ResourceJson::reported).orElse(Map.of()));
            }
            case SERIES -> {
                json.put("ParentStudy", r.parentId());
                json.put("Instances", r.children());
                json.put("ExpectedNumberOfInstances", null);
                json.put("Status", "Unknown");
            }
            case INSTANCE -> {
                json.put("ParentSeries", r.parentId());
                json.put("FileSize", r.file().file().size());
                json.put("FileUuid", r.file().file().uuid());
                json.put("IndexInSeries", indexInSeries(r));
            }
        }
        if (r.level() != ResourceLevel.INSTANCE) {
            json.put("IsStable", r.lastUpdate().plus(STABLE_AGE).isBefore(clock.instant()));
            json.put("LastUpdate", LAST_UPDATE.format(r.lastUpdate()));
        }
        return json;
    }

    static Map<String, String> mainTags(Resource r) {
        return reported(r.tags());
    }

    /** The tags Orthanc reports in {@code MainDicomTags}, by keyword, in keyword order. */
    private static Map<String, String> reported(Map<MainDicomTag, String> all) {
        Map<String, String> tags = new TreeMap<>();
        all.forEach((tag, value) -> {
            if (tag.reported()) {
                tags.put(tag.keyword(), value);
            }
        });
        return tags;
    }

    private static Integer indexInSeries(Resource r) {
        String number = r.tags().get(MainDicomTag.INSTANCE_NUMBER);
        if (number == null) {
            return null;
        }
        try {
            return Integer.valueOf(number.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
