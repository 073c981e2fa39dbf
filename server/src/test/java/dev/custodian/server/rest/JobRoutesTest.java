package dev.custodian.server.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custodian.server.config.ConfigLoader;
import dev.custodian.server.config.CustodianConfig;
import dev.custodian.server.index.Archive;
import dev.custodian.server.index.Index;
import dev.custodian.server.index.IndexDatabase;
import dev.custodian.server.index.Modalities;
import dev.custodian.server.jobs.Job;
import dev.custodian.server.jobs.JobContext;
import dev.custodian.server.jobs.JobError;
import dev.custodian.server.jobs.JobStore;
import dev.custodian.server.jobs.JobType;
import dev.custodian.server.jobs.JobTypes;
import dev.custodian.server.jobs.JobsEngine;
import dev.custodian.server.jobs.JobsSettings;
import dev.custodian.server.jobs.StepResult;
import dev.custodian.server.store.InMemoryStorageArea;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /jobs} routes: Orthanc's JSON shape, list and expand, actions and their HTTP errors. */
class JobRoutesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:15:30.123Z"), ZoneOffset.UTC);

    /** Succeeds at its second step, or fails at its first when asked to. */
    private record TwoSteps(ObjectNode state) implements Job {
        @Override
        public String type() {
            return "TwoSteps";
        }

        @Override
        public StepResult step(JobContext context) {
            if (state.path("Retry").asBoolean()) {
                return new StepResult.Retry(Duration.ofHours(1), "peer down");
            }
            if (state.get("Fail").asBoolean()) {
                return new StepResult.Failure(JobError.networkProtocol("peer gone"));
            }
            state.put("Done", state.get("Done").asInt() + 1);
            return state.get("Done").asInt() == 2 ? new StepResult.Success() : new StepResult.Continue();
        }

        @Override
        public int progress() {
            return 50 * state.get("Done").asInt();
        }

        @Override
        public ObjectNode content() {
            return JsonNodeFactory.instance.objectNode().put("Done", state.get("Done").asInt());
        }

        @Override
        public ObjectNode serialize() {
            return state.deepCopy();
        }

        @Override
        public void reset() {
            state.put("Done", 0);
        }
    }

    private IndexDatabase db;
    private JobsEngine engine;
    private RestServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void start(@TempDir Path dir) {
        CustodianConfig config = ConfigLoader.parse("{}", dir).withPorts(0, 0);
        db = IndexDatabase.sqlite(dir.resolve("index.db"));
        Archive archive = new Archive(new InMemoryStorageArea(0, UUID::randomUUID), new Index(db, CLOCK, 0), false);
        JobType type = new JobType() {
            @Override
            public String name() {
                return "TwoSteps";
            }

            @Override
            public Job restore(JsonNode state) {
                return new TwoSteps((ObjectNode) state.deepCopy());
            }
        };
        engine = new JobsEngine(new JobStore(db), new JobTypes(List.of(type)), JobsSettings.of(1, 10, true), CLOCK,
                Executors.newFixedThreadPool(1), Executors.newSingleThreadScheduledExecutor()).start();
        server = new RestServer(config, archive, new Modalities(config.dicomModalities(), archive.index()), "test",
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), CLOCK, new JobRoutes(engine, CLOCK)).start();
    }

    @AfterEach
    void stop() {
        server.close();
        engine.close();
        db.close();
    }

    private String submit(boolean fail, int priority) {
        return engine.submit(new TwoSteps(JsonNodeFactory.instance.objectNode().put("Done", 0).put("Fail", fail)), priority);
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.noBody());
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<String> r = send("GET", path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return RestFixture.JSON.readTree(r.body());
    }

    private void awaitState(String id, String state) {
        await().atMost(Duration.ofSeconds(30)).until(() -> json("/jobs/" + id).get("State").asText().equals(state));
    }

    @Test
    void aJobInOrthancsShape() throws Exception {
        String id = submit(false, 3);
        awaitState(id, "Success");
        JsonNode job = json("/jobs/" + id);
        assertThat(job.get("ID").asText()).isEqualTo(id);
        assertThat(job.get("Type").asText()).isEqualTo("TwoSteps");
        assertThat(job.get("Progress").asInt()).isEqualTo(100);
        assertThat(job.get("Priority").asInt()).isEqualTo(3);
        assertThat(job.get("CreationTime").asText()).isEqualTo("20261127T101530.123000");
        assertThat(job.get("CompletionTime").asText()).isEqualTo("20261127T101530.123000");
        assertThat(job.get("Timestamp").asText()).isEqualTo("20261127T101530.123000");
        assertThat(job.get("EffectiveRuntime").isNumber()).isTrue();
        assertThat(job.get("ErrorCode").asInt()).isZero();
        assertThat(job.get("ErrorDescription").asText()).isEqualTo("Success");
        assertThat(job.get("ErrorDetails").asText()).isEmpty();
        assertThat(job.get("Content").get("Done").asInt()).isEqualTo(2);

        assertThat(json("/jobs")).extracting(JsonNode::asText).containsExactly(id);
        assertThat(json("/jobs?expand").get(0).get("State").asText()).isEqualTo("Success");
    }

    @Test
    void aJobInRetryShowsWhenItRunsAgain() throws Exception {
        String id = engine.submit(new TwoSteps(JsonNodeFactory.instance.objectNode().put("Done", 0).put("Fail", false)
                .put("Retry", true)), 0);
        awaitState(id, "Retry");
        JsonNode job = json("/jobs/" + id);
        assertThat(job.get("NextAttemptTime").asText()).isEqualTo("20261127T111530.123000");
        assertThat(json("/jobs/" + submit(false, 0)).has("NextAttemptTime")).isFalse();
    }

    @Test
    void actionsFollowOrthancsRulesAndErrors() throws Exception {
        String ok = submit(false, 0);
        awaitState(ok, "Success");
        assertThat(send("POST", "/jobs/" + ok + "/pause").body()).isEqualTo("{ }");
        assertThat(send("POST", "/jobs/" + ok + "/cancel").statusCode()).isEqualTo(200);
        HttpResponse<String> resume = send("POST", "/jobs/" + ok + "/resume");
        assertThat(resume.statusCode()).isEqualTo(400);
        assertThat(RestFixture.JSON.readTree(resume.body()).get("Message").asText()).isEqualTo("Bad sequence of calls");
        assertThat(send("POST", "/jobs/" + ok + "/resubmit").statusCode()).isEqualTo(400);

        String failed = submit(true, 0);
        awaitState(failed, "Failure");
        JsonNode f = json("/jobs/" + failed);
        assertThat(f.get("ErrorCode").asInt()).isEqualTo(9);
        assertThat(f.get("ErrorDetails").asText()).isEqualTo("peer gone");
        assertThat(send("POST", "/jobs/" + failed + "/resubmit").statusCode()).isEqualTo(200);
        assertThat(json("/jobs/" + failed).get("State").asText()).isIn("Pending", "Running", "Failure");

        for (String action : List.of("pause", "resume", "cancel", "resubmit")) {
            HttpResponse<String> r = send("POST", "/jobs/nope/" + action);
            assertThat(r.statusCode()).as(action + ": Orthanc answers 400 to an action on an unknown job").isEqualTo(400);
            JsonNode error = RestFixture.JSON.readTree(r.body());
            assertThat(error.get("HttpStatus").asInt()).isEqualTo(400);
            assertThat(error.get("Message").asText()).isEqualTo("Bad request");
            assertThat(error.get("Details").asText()).isEqualTo("unknown job nope");
        }
        assertThat(send("GET", "/jobs/nope").statusCode()).isEqualTo(404);
    }
}
