package dev.custodian.server.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.server.jobs.JobActions;
import dev.custodian.server.jobs.JobRecord;
import dev.custodian.server.jobs.JobsEngine;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Orthanc's jobs routes: {@code GET /jobs} (IDs, or objects with {@code ?expand}), {@code GET
 * /jobs/{id}}, and {@code POST /jobs/{id}/pause|resume|cancel|resubmit} answering {@code {}}.
 * As in Orthanc 1.10.1 (checked side by side by JobActionsParityIT): {@code GET} of an unknown job
 * is a 404; every action on an unknown job is a 400 ("Bad request"); an action the job's state does
 * not allow (resume of a job that is not paused, resubmit of one that has not failed) is a 400
 * ("Bad sequence of calls"); pause and cancel of a finished job change nothing and answer {@code {}}.
 * Where Orthanc's 400 has an empty body, ours is the usual JSON error naming the reason.
 */
public final class JobRoutes implements RestServer.Routes {
    /** Orthanc's time format in job JSON (ISO 8601 basic, microseconds), here in UTC. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSSSSS").withZone(ZoneOffset.UTC);

    private final JobsEngine engine;
    private final Clock clock;
    private final List<JobOutput> outputs;

    /**
     * Writes one named output of a job ({@code GET /jobs/{id}/{output}}), streamed as JSON; false
     * when the job has no output of that name.
     */
    @FunctionalInterface
    public interface JobOutput {
        boolean write(JobRecord job, String name, java.io.OutputStream out, ObjectMapper json) throws IOException;
    }

    public JobRoutes(JobsEngine engine, Clock clock, JobOutput... outputs) {
        this.engine = engine;
        this.clock = clock;
        this.outputs = List.of(outputs);
    }

    @Override
    public void register(Javalin app, ObjectMapper json) {
        app.get("/jobs", ctx -> list(ctx, json));
        app.get("/jobs/{id}", ctx -> ctx.json(describe(find(ctx), json)));
        app.get("/jobs/{id}/{output}", ctx -> output(ctx, json));
        app.post("/jobs/{id}/pause", ctx -> act(ctx, engine::pause));
        app.post("/jobs/{id}/resume", ctx -> act(ctx, engine::resume));
        app.post("/jobs/{id}/cancel", ctx -> act(ctx, engine::cancel));
        app.post("/jobs/{id}/resubmit", ctx -> act(ctx, engine::resubmit));
    }

    private void list(Context ctx, ObjectMapper json) {
        List<JobRecord> all = engine.list();
        if (ctx.queryParamMap().containsKey("expand")) {
            ctx.json(all.stream().map(r -> describe(r, json)).toList());
        } else {
            ctx.json(all.stream().map(JobRecord::id).toList());
        }
    }

    /** Orthanc's job outputs; ours are streamed (a commitment job's results may list 100,000 instances). */
    private void output(Context ctx, ObjectMapper json) throws IOException {
        JobRecord job = find(ctx);
        String name = ctx.pathParam("output");
        ObjectMapper compact = json.copy().disable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
        ctx.contentType("application/json");
        for (JobOutput o : outputs) {
            java.io.OutputStream out = new java.io.BufferedOutputStream(ctx.res().getOutputStream(), 64 * 1024);
            if (o.write(job, name, out, compact)) {
                out.flush();
                return;
            }
        }
        throw new RestException(OrthancError.INEXISTENT_ITEM, "job " + job.id() + " has no output " + name);
    }

    private JobRecord find(Context ctx) {
        String id = ctx.pathParam("id");
        return engine.find(id).orElseThrow(() -> new RestException(OrthancError.INEXISTENT_ITEM, "unknown job " + id));
    }

    private static void act(Context ctx, Function<String, JobActions.Outcome> action) {
        String id = ctx.pathParam("id");
        JobActions.Outcome outcome = action.apply(id);
        switch (outcome.result()) {
            case DONE -> ctx.json(Map.of());
            case UNKNOWN_JOB -> throw new RestException(OrthancError.BAD_REQUEST, outcome.message()); // Orthanc's status
            case NOT_ALLOWED -> throw new RestException(OrthancError.BAD_SEQUENCE_OF_CALLS, outcome.message());
        }
    }

    /**
     * The JSON of {@code GET /jobs/{id}}; {@code CompletionTime} only once the job has finished, as Orthanc.
     * A job in {@code Retry} also shows when it runs again ({@code NextAttemptTime}, beyond Orthanc).
     */
    Map<String, Object> describe(JobRecord r, ObjectMapper json) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ID", r.id());
        out.put("Type", r.type());
        out.put("State", r.state().orthancName());
        out.put("Progress", r.progress());
        out.put("Priority", r.priority());
        out.put("CreationTime", TIME.format(r.creationTime()));
        if (r.completionTime() != null) {
            out.put("CompletionTime", TIME.format(r.completionTime()));
        }
        out.put("EffectiveRuntime", r.runtimeMillis() / 1000.0);
        out.put("ErrorCode", r.error().code());
        out.put("ErrorDescription", r.error().description());
        out.put("ErrorDetails", r.error().details());
        if (r.state() == dev.custodian.server.jobs.JobState.RETRY && r.retryAt() != null) {
            out.put("NextAttemptTime", TIME.format(Instant.ofEpochMilli(r.retryAt()))); // beyond Orthanc
        }
        out.put("Content", content(r, json));
        out.put("Timestamp", TIME.format(Instant.now(clock)));
        return out;
    }

    private static JsonNode content(JobRecord r, ObjectMapper json) {
        try {
            return json.readTree(r.content());
        } catch (IOException e) {
            throw new IllegalStateException("job " + r.id() + " has unreadable Content: " + e.getMessage(), e);
        }
    }
}
