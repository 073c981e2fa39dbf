package dev.custodian.server.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custodian.server.config.ConfigLoader;
import dev.custodian.server.config.CustodianConfig;
import dev.custodian.server.dicom.OpenAssociation;
import dev.custodian.server.index.Archive;
import dev.custodian.server.index.Index;
import dev.custodian.server.index.IndexDatabase;
import dev.custodian.server.index.Modalities;
import dev.custodian.server.jobs.Job;
import dev.custodian.server.jobs.JobContext;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /summary}: statistics, disk, open associations and jobs by state in one answer. */
class SummaryRoutesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:15:30Z"), ZoneOffset.UTC);

    /** Succeeds at once. */
    private record Quick() implements Job {
        @Override
        public String type() {
            return "Quick";
        }

        @Override
        public StepResult step(JobContext context) {
            return new StepResult.Success();
        }

        @Override
        public int progress() {
            return 0;
        }

        @Override
        public ObjectNode content() {
            return JsonNodeFactory.instance.objectNode();
        }

        @Override
        public ObjectNode serialize() {
            return JsonNodeFactory.instance.objectNode();
        }

        @Override
        public void reset() {
        }
    }

    private static final JobType QUICK = new JobType() {
        @Override
        public String name() {
            return "Quick";
        }

        @Override
        public Job restore(JsonNode state) {
            return new Quick();
        }
    };

    @Test
    void oneAnswerForTheDashboard(@TempDir Path dir) throws Exception {
        CustodianConfig config = ConfigLoader.parse("{\"StorageDirectory\": \"" + dir + "\", \"MinimumFreeDiskSpace\": 1}",
                dir).withPorts(0, 0);
        OpenAssociation open = new OpenAssociation("MODALITY1", "CUSTODIAN", "127.0.0.1",
                Instant.parse("2026-11-27T10:15:00Z"), 12, 1, 0);
        try (IndexDatabase db = IndexDatabase.sqlite(dir.resolve("index.db"));
             JobsEngine engine = new JobsEngine(new JobStore(db), new JobTypes(List.of(QUICK)), JobsSettings.of(1, 10, true),
                     CLOCK, Executors.newFixedThreadPool(1), Executors.newSingleThreadScheduledExecutor()).start()) {
            Archive archive = new Archive(new InMemoryStorageArea(0, UUID::randomUUID), new Index(db, CLOCK, 0), false);
            String id = engine.submit(new Quick(), 0);
            await().atMost(Duration.ofSeconds(30)).until(() -> engine.find(id).orElseThrow().state().isFinished());
            try (RestServer server = new RestServer(config, archive, new Modalities(config.dicomModalities(), archive.index()),
                    "test", new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), CLOCK,
                    new SummaryRoutes(config, archive.index(), engine, () -> List.of(open), CLOCK)).start()) {
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/summary")).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                JsonNode s = RestFixture.JSON.readTree(r.body());
                assertThat(s.get("Statistics").get("CountInstances").asLong()).isZero();
                JsonNode disk = s.get("Disk");
                assertThat(disk.get("UsedBytes").asLong()).isZero();
                assertThat(disk.get("FreeBytes").asLong()).isPositive();
                assertThat(disk.get("TotalBytes").asLong()).isGreaterThanOrEqualTo(disk.get("FreeBytes").asLong());
                assertThat(disk.get("MinimumFreeBytes").asLong()).isEqualTo(1024 * 1024);
                JsonNode a = s.get("OpenAssociations").get(0);
                assertThat(a.get("RemoteAet").asText()).isEqualTo("MODALITY1");
                assertThat(a.get("CalledAet").asText()).isEqualTo("CUSTODIAN");
                assertThat(a.get("OpenedAt").asText()).isEqualTo("20261127T101500.000000");
                assertThat(a.get("Stored").asLong()).isEqualTo(12);
                assertThat(s.get("Jobs").get("Success").asLong()).isEqualTo(1);
                assertThat(s.get("Jobs").get("Retry").asLong()).isZero();
                assertThat(s.get("JobsByType").get("Quick").get("Success").asLong()).isEqualTo(1);
                assertThat(s.get("Time").asText()).isEqualTo("20261127T101530.000000");
            }
        }
    }
}
