package dev.custodian.server.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.server.index.Index;
import dev.custodian.server.index.ResourceLevel;
import dev.custodian.server.index.StudyFinder;
import dev.custodian.server.index.StudyQuery;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Orthanc's {@code POST /tools/find} at level {@code Study}: {@code {"Level": "Study", "Query":
 * {"PatientName": "DOE*", "StudyDate": "20260101-"}, "Expand": true, "Since": 0, "Limit": 50,
 * "CaseSensitive": true}}. Answers the study IDs, or with {@code Expand} their JSON as
 * {@code GET /studies/{id}}. Other levels and keywords outside {@link StudyQuery} are a 400
 * naming what is supported.
 */
final class FindRoutes {
    private final Index index;
    private final StudyFinder finder;
    private final ResourceJson resources;

    FindRoutes(Index index, Clock clock) {
        this.index = index;
        this.finder = new StudyFinder(index.database());
        this.resources = new ResourceJson(index, clock);
    }

    void register(io.javalin.Javalin app, ObjectMapper json) {
        app.post("/tools/find", ctx -> {
            JsonNode body;
            try {
                body = json.readTree(ctx.body());
            } catch (IOException e) {
                throw new RestException(OrthancError.BAD_JSON, e.getMessage());
            }
            ctx.json(find(body));
        });
    }

    private List<Object> find(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new RestException(OrthancError.BAD_REQUEST, "the body must be a JSON object with \"Level\" and \"Query\"");
        }
        String level = body.path("Level").asText("");
        if (!level.equalsIgnoreCase("Study")) {
            throw new RestException(OrthancError.BAD_REQUEST, "\"Level\" must be \"Study\" (the only level searched here), got \""
                    + level + "\"");
        }
        StudyQuery query;
        try {
            query = new StudyQuery(constraints(body.path("Query")), bool(body, "CaseSensitive", true),
                    count(body, "Since"), count(body, "Limit"));
        } catch (IllegalArgumentException e) {
            throw new RestException(OrthancError.BAD_REQUEST, e.getMessage());
        }
        List<Object> out = new ArrayList<>();
        boolean expand = bool(body, "Expand", false);
        for (String id : finder.find(query)) {
            if (expand) {
                index.find(ResourceLevel.STUDY, id).ifPresent(r -> out.add(resources.of(r)));
            } else {
                out.add(id);
            }
        }
        return out;
    }

    private static Map<String, String> constraints(JsonNode query) {
        if (!query.isObject()) {
            throw new RestException(OrthancError.BAD_REQUEST, "\"Query\" must be an object of DICOM keywords to values");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = query.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new RestException(OrthancError.BAD_REQUEST, "the value of \"" + e.getKey() + "\" must be a string");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    private static boolean bool(JsonNode body, String field, boolean fallback) {
        JsonNode v = body.get(field);
        if (v == null) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw new RestException(OrthancError.BAD_REQUEST, "\"" + field + "\" must be true or false: " + v);
        }
        return v.booleanValue();
    }

    private static long count(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null) {
            return 0;
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 0) {
            throw new RestException(OrthancError.BAD_REQUEST, "\"" + field + "\" must be a non-negative integer: " + v);
        }
        return v.asLong();
    }
}
