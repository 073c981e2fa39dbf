package dev.custodian.interop.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.interop.support.Http;
import dev.custodian.interop.support.Part10;
import dev.custodian.interop.support.Ports;
import dev.custodian.interop.support.TestInstances;
import dev.custodian.interop.support.Tools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jobs engine through the REST API: asynchronous C-STORE SCU ({@code DicomModalityStore}
 * jobs) to DCMTK storescp, a job to an unreachable modality, pause / resume / cancel of a running
 * job (storescp {@code --sleep-during 1} makes every C-STORE last seconds), and a job that
 * survives a SIGKILL of the server process. storescp's verbose log shows that a job sends all its
 * steps on one association and releases it when it ends, is paused or cancelled.
 */
class ArchiveJobsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Path JAR = Tools.ROOT.resolve("server/target/custodian.jar");

    @Test
    void asynchronousStoresRunAsJobsThatCanBePausedResumedAndCanceled(@TempDir Path dir) throws Exception {
        List<Path> files = TestInstances.ct(dir.resolve("in"), 12, 0.004);
        int fastPort = Ports.freePort();
        int slowPort = Ports.freePort();
        int closedPort = Ports.freePort();
        Path fast = Files.createDirectories(dir.resolve("fast"));
        Path slow = Files.createDirectories(dir.resolve("slow"));
        Process fastScp = storescp(dir, "fast", fast, fastPort, 0);
        Process slowScp = storescp(dir, "slow", slow, slowPort, 1);
        try {
            Ports.awaitListening(fastPort);
            Ports.awaitListening(slowPort);
            String modalities = "\"DicomModalities\": { \"fast\": [\"FAST\", \"127.0.0.1\", " + fastPort + "],"
                    + " \"slow\": [\"SLOW\", \"127.0.0.1\", " + slowPort + "],"
                    + " \"nobody\": [\"NOBODY\", \"127.0.0.1\", " + closedPort + "] }, \"ConcurrentJobs\": 2";
            try (ArchiveServer server = new ArchiveServer(dir, modalities)) {
                int http = server.httpPort();
                for (Path f : files) {
                    assertThat(Http.post(http, "/instances", Files.readAllBytes(f)).statusCode()).isEqualTo(200);
                }
                String study = ArchiveIngestIT.ids(http, "/studies").iterator().next();

                String done = submit(http, "fast", study);
                JsonNode job = awaitState(http, done, "Success");
                assertThat(job.get("Type").asText()).isEqualTo("DicomModalityStore");
                assertThat(job.get("Progress").asInt()).isEqualTo(100);
                assertThat(job.get("ErrorCode").asInt()).isZero();
                assertThat(job.has("CompletionTime")).isTrue();
                JsonNode content = job.get("Content");
                assertThat(content.get("InstancesCount").asInt()).isEqualTo(12);
                assertThat(content.get("FailedInstancesCount").asInt()).isZero();
                assertThat(content.get("RemoteAet").asText()).isEqualTo("FAST");
                assertThat(content.get("LocalAet").asText()).isEqualTo("CUSTODIAN");
                assertThat(content.get("ParentResources").get(0).asText()).isEqualTo(study);
                assertSameDataSets(files, fast);
                Path fastLog = dir.resolve("fast-storescp.log");
                awaitAssociations(fastLog, 1, 1); // 12 instances in 3 steps, all on one association, released at the end

                String unreachable = submit(http, "nobody", study);
                JsonNode failed = awaitState(http, unreachable, "Failure");
                assertThat(failed.get("ErrorCode").asInt()).isEqualTo(9);
                assertThat(failed.get("ErrorDescription").asText()).isEqualTo("Error in the network protocol");
                assertThat(failed.get("ErrorDetails").asText()).contains("NOBODY");

                String paused = submit(http, "slow", study);
                awaitState(http, paused, "Running");
                assertThat(action(http, paused, "pause").statusCode()).isEqualTo(200);
                JsonNode atPause = awaitState(http, paused, "Paused");
                Path slowLog = dir.resolve("slow-storescp.log");
                awaitAssociations(slowLog, 1, 1); // a paused job holds no association
                assertThat(atPause.get("Progress").asInt()).isBetween(1, 99);
                assertThat(action(http, paused, "resubmit").statusCode()).as("only failed jobs").isEqualTo(400);
                assertThat(action(http, paused, "resume").statusCode()).isEqualTo(200);
                awaitState(http, paused, "Success");
                assertSameDataSets(files, slow);
                awaitAssociations(slowLog, 2, 2); // the resumed job opened a new one for the rest

                String canceled = submit(http, "slow", study);
                awaitState(http, canceled, "Running");
                assertThat(action(http, canceled, "cancel").statusCode()).isEqualTo(200);
                JsonNode cancel = awaitState(http, canceled, "Failure");
                assertThat(cancel.get("ErrorCode").asInt()).isEqualTo(37);
                assertThat(cancel.get("Progress").asInt()).isLessThan(100);
                awaitAssociations(slowLog, 3, 3); // released on cancel
                var notPaused = action(http, canceled, "resume");
                assertThat(notPaused.statusCode()).isEqualTo(400);
                assertThat(JSON.readTree(notPaused.body()).get("Message").asText()).isEqualTo("Bad sequence of calls");

                var unknown = Http.get(http, "/jobs/no-such-job");
                assertThat(unknown.statusCode()).isEqualTo(404);
                assertThat(JSON.readTree(unknown.body()).get("HttpStatus").asInt()).isEqualTo(404);
                assertThat(action(http, "no-such-job", "pause").statusCode()).as("as Orthanc").isEqualTo(400);
                JsonNode ids = JSON.readTree(Http.get(http, "/jobs").body());
                assertThat(ids).extracting(JsonNode::asText).containsExactly(done, unreachable, paused, canceled);
                JsonNode expanded = JSON.readTree(Http.get(http, "/jobs?expand").body());
                assertThat(expanded).extracting(j -> j.get("State").asText())
                        .containsExactly("Success", "Failure", "Success", "Failure");
            }
        } finally {
            Tools.stop(fastScp, Duration.ofSeconds(30));
            Tools.stop(slowScp, Duration.ofSeconds(30));
        }
    }

    @Test
    void aJobResumesAfterTheServerProcessIsKilled(@TempDir Path dir) throws Exception {
        assertThat(JAR).as("the shaded jar (mvn package of server)").exists();
        List<Path> files = TestInstances.ct(dir.resolve("in"), 12, 0.004);
        int scpPort = Ports.freePort();
        Path received = Files.createDirectories(dir.resolve("received"));
        Process scp = storescp(dir, "slow", received, scpPort, 1);
        int dicomPort = Ports.freePort();
        int httpPort = Ports.freePort();
        Path storage = Files.createDirectories(dir.resolve("storage"));
        Path config = dir.resolve("custodian.json");
        Files.writeString(config, "{ \"DicomAet\": \"CUSTODIAN\", \"DicomPort\": " + dicomPort + ", \"HttpPort\": "
                + httpPort + ", \"StorageDirectory\": \"" + storage + "\", \"IndexDirectory\": \"" + storage + "\","
                + " \"DicomModalities\": { \"slow\": [\"SLOW\", \"127.0.0.1\", " + scpPort + "] } }");
        Process server = startServer(dir, config, "run1");
        try {
            Ports.awaitListening(scpPort);
            Ports.awaitListening(httpPort, server, dir.resolve("run1.log"));
            for (Path f : files) {
                assertThat(Http.post(httpPort, "/instances", Files.readAllBytes(f)).statusCode()).isEqualTo(200);
            }
            String study = ArchiveIngestIT.ids(httpPort, "/studies").iterator().next();
            String id = submit(httpPort, "slow", study);
            Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                    .until(() -> job(httpPort, id).get("Progress").asInt() > 0);
            server.destroyForcibly(); // SIGKILL in the middle of the job
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();

            server = startServer(dir, config, "run2");
            Ports.awaitListening(httpPort, server, dir.resolve("run2.log"));
            JsonNode after = job(httpPort, id);
            assertThat(after.get("Progress").asInt()).as("resumes from its last saved step").isGreaterThan(0);
            JsonNode done = awaitState(httpPort, id, "Success");
            assertThat(done.get("Content").get("InstancesCount").asInt()).isEqualTo(12);
            assertSameDataSets(files, received);
        } finally {
            Tools.stop(server, Duration.ofSeconds(30));
            Tools.stop(scp, Duration.ofSeconds(30));
        }
    }

    private static Process storescp(Path dir, String name, Path out, int port, int sleepSeconds) {
        return Tools.start(dir.resolve(name + "-storescp.log"), List.of("storescp", "-v", "--bit-preserving", "-aet", name.toUpperCase(),
                "--sleep-during", Integer.toString(sleepSeconds), "--output-directory", out.toString(),
                Integer.toString(port)));
    }

    private static Process startServer(Path dir, Path config, String name) {
        return Tools.start(dir.resolve(name + ".log"), List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-jar", JAR.toString(), config.toString()));
    }

    private static String submit(int http, String modality, String resource) throws Exception {
        String body = "{ \"Resources\": [\"" + resource + "\"], \"Synchronous\": false }";
        var r = Http.post(http, "/modalities/" + modality + "/store", body.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(r.body());
        String id = answer.get("ID").asText();
        assertThat(answer.get("Path").asText()).isEqualTo("/jobs/" + id);
        return id;
    }

    private static JsonNode job(int http, String id) throws Exception {
        var r = Http.get(http, "/jobs/" + id);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static JsonNode awaitState(int http, String id, String state) {
        return Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> job(http, id), j -> j.get("State").asText().equals(state));
    }

    private static java.net.http.HttpResponse<String> action(int http, String id, String action) throws Exception {
        return Http.post(http, "/jobs/" + id + "/" + action, new byte[0]);
    }

    /**
     * storescp's verbose log shows {@code received} accepted associations and {@code released} orderly
     * releases (A-RELEASE, PS3.8 §7.2), and never an abort.
     */
    private static void awaitAssociations(Path log, int received, int released) {
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            String text = Files.readString(log, StandardCharsets.ISO_8859_1);
            // "Association Received" also counts the test's own listening probe: count acknowledgements
            assertThat(count(text, "Association Acknowledged")).as(text).isEqualTo(received);
            assertThat(count(text, "Association Release")).as(text).isEqualTo(released);
            assertThat(text).doesNotContain("Association Aborted");
        });
    }

    private static int count(String text, String line) {
        return (int) text.lines().filter(l -> l.contains(line)).count();
    }

    /** Every sent instance arrived with the same data set (storescp writes its own File Meta Information). */
    private static void assertSameDataSets(List<Path> sent, Path received) throws Exception {
        Map<String, Part10> bySop = new HashMap<>();
        try (Stream<Path> s = Files.list(received)) {
            for (Path p : s.toList()) {
                Part10 got = Part10.read(p);
                bySop.put(got.sopInstanceUid(), got);
            }
        }
        assertThat(bySop).hasSize(sent.size());
        for (Path f : sent) {
            Part10 original = Part10.read(f);
            assertThat(bySop.get(original.sopInstanceUid())).as(f.toString()).isNotNull();
            assertThat(bySop.get(original.sopInstanceUid()).dataSet()).isEqualTo(original.dataSet());
        }
    }
}
