package dev.custodian.server.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.server.config.ConfigException;
import dev.custodian.server.config.ModalityParser;
import dev.custodian.server.config.RemoteModality;
import dev.custodian.server.index.Modalities;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /modalities[?expand]}, {@code GET|PUT|DELETE /modalities/{id}}. PUT takes either
 * form of a {@code DicomModalities} entry; the result persists in the index database.
 */
final class ModalityRoutes {
    private final Modalities modalities;
    private final ObjectMapper json;

    ModalityRoutes(Modalities modalities, ObjectMapper json) {
        this.modalities = modalities;
        this.json = json;
    }

    void register(Javalin app) {
        app.get("/modalities", this::list);
        app.get("/modalities/{id}", this::get);
        app.get("/modalities/{id}/configuration", this::get);
        app.put("/modalities/{id}", this::put);
        app.delete("/modalities/{id}", this::delete);
    }

    private void list(Context ctx) {
        Map<String, RemoteModality> all = modalities.all();
        if (ctx.queryParam("expand") == null) {
            ctx.json(new ArrayList<>(all.keySet()));
            return;
        }
        Map<String, Object> expanded = new LinkedHashMap<>();
        all.forEach((name, m) -> expanded.put(name, sorted(m)));
        ctx.json(expanded);
    }

    private void get(Context ctx) {
        String name = ctx.pathParam("id");
        RemoteModality m = modalities.get(name).orElseThrow(() -> RestException.unknown("modality " + name));
        ctx.json(sorted(m));
    }

    /** Orthanc writes JSON keys in alphabetical order. */
    private Map<String, Object> sorted(RemoteModality m) {
        Map<String, Object> result = new java.util.TreeMap<>();
        ModalityParser.toJson(m).fields().forEachRemaining(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }

    private void put(Context ctx) {
        String name = ctx.pathParam("id");
        JsonNode body;
        try {
            body = json.readTree(ctx.bodyInputStream());
        } catch (IOException e) {
            throw new RestException(OrthancError.BAD_JSON, e.getMessage());
        }
        RemoteModality modality;
        try {
            modality = ModalityParser.parse(body, name);
            modalities.put(name, modality);
        } catch (ConfigException e) {
            throw new RestException(OrthancError.BAD_REQUEST, e.getMessage());
        }
        ctx.json(sorted(modality));
    }

    private void delete(Context ctx) {
        String name = ctx.pathParam("id");
        switch (modalities.delete(name)) {
            case DELETED -> ctx.json(Map.of());
            case NOT_FOUND -> throw RestException.unknown("modality " + name);
            case FROM_CONFIGURATION_FILE -> throw new RestException(OrthancError.BAD_REQUEST,
                    "modality " + name + " is defined in the configuration file; remove it there");
        }
    }
}
