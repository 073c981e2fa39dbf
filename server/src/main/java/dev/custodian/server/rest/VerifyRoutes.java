package dev.custodian.server.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.server.index.ResourceLevel;
import dev.custodian.server.index.Verifications;
import dev.custodian.server.jobs.Job;
import dev.custodian.server.jobs.JobsEngine;
import dev.custodian.server.verify.StorageVerificationJobType;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Map;

/**
 * Storage verification (Custodian's own routes): {@code POST /{patients|studies|series|instances}/{id}/verify}
 * and {@code POST /tools/verify-storage} (everything) submit a {@code StorageVerification} job and
 * answer as Orthanc's asynchronous routes, {@code {"ID": ..., "Path": "/jobs/..."}}; the body is
 * empty or {@code {"Priority": n}}. Its findings: {@code GET /jobs/{id}/report}.
 */
public final class VerifyRoutes implements RestServer.Routes {
    private final JobsEngine jobs;
    private final StorageVerificationJobType type;

    public VerifyRoutes(JobsEngine jobs, StorageVerificationJobType type) {
        this.jobs = jobs;
        this.type = type;
    }

    @Override
    public void register(Javalin app, ObjectMapper json) {
        for (ResourceLevel level : ResourceLevel.values()) {
            app.post("/" + level.table() + "/{id}/verify", ctx -> submit(ctx, json,
                    new Verifications.Scope(level, ctx.pathParam("id")), level.orthancName() + " " + ctx.pathParam("id")));
        }
        app.post("/tools/verify-storage", ctx -> submit(ctx, json, Verifications.Scope.ALL, "whole storage"));
    }

    /** {@code GET /jobs/{id}/report} of a {@code StorageVerification} job. */
    public JobRoutes.JobOutput report() {
        return (job, name, out, json) -> {
            if (!job.type().equals(type.name()) || !name.equals(StorageVerificationJobType.REPORT)) {
                return false;
            }
            json.writeValue(new java.io.FilterOutputStream(out) {
                @Override
                public void close() throws IOException {
                    flush(); // the route flushes and the server closes the response
                }
            }, type.report(job.id()));
            return true;
        };
    }

    private void submit(Context ctx, ObjectMapper json, Verifications.Scope scope, String what) {
        int priority = priority(ctx, json);
        Job job = type.create(scope, "REST API: " + what).orElseThrow(() ->
                new RestException(OrthancError.UNKNOWN_RESOURCE, "no " + what));
        String id = jobs.submit(job, priority);
        ctx.json(Map.of("ID", id, "Path", "/jobs/" + id));
    }

    private static int priority(Context ctx, ObjectMapper json) {
        String body = ctx.body();
        if (body.isBlank()) {
            return 0;
        }
        try {
            JsonNode node = json.readTree(body);
            JsonNode p = node == null ? null : node.get("Priority");
            if (node == null || !node.isObject() || (p != null && !p.canConvertToInt())) {
                throw new RestException(OrthancError.BAD_REQUEST, "expected {} or {\"Priority\": n}");
            }
            return p == null ? 0 : p.asInt();
        } catch (IOException e) {
            throw new RestException(OrthancError.BAD_REQUEST, "not JSON: " + e.getMessage());
        }
    }
}
