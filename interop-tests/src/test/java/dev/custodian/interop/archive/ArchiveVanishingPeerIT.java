package dev.custodian.interop.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.interop.support.Http;
import dev.custodian.interop.support.LogCapture;
import dev.custodian.interop.support.Orthanc;
import dev.custodian.interop.support.Ports;
import dev.custodian.interop.support.TestInstances;
import dev.custodian.interop.support.Tools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store job ({@code DicomModalityStore}) whose peer vanishes in the middle: it answers 6 of 12
 * C-STORE requests, then aborts the association (A-ABORT) or resets the TCP connection. The job
 * fails as in Orthanc (Failure, ErrorCode 9 "Error in the network protocol", details naming the
 * peer), shows how far it got (Progress 50: 6 of 12 sent), logs one warning, holds no association
 * afterwards (no association thread left, the aborting peer sees the connection closed), and a
 * resubmit once the modality is back (storescp on the same AE title and port) sends all 12.
 * Orthanc 1.10.1, given the same peer, answers the same State, ErrorCode, Progress and
 * FailedInstancesCount (its details: "Peer aborted Association (or never connected)").
 */
class ArchiveVanishingPeerIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final int INSTANCES = 12;
    private static final int ANSWERED = 6;

    @ParameterizedTest
    @EnumSource(VanishingScp.Ending.class)
    void aStoreJobFailsCleanlyWhenItsPeerVanishesAndSucceedsWhenResubmitted(VanishingScp.Ending ending,
                                                                           @TempDir Path dir) throws Exception {
        List<Path> files = TestInstances.ct(dir.resolve("in"), INSTANCES, 0.004);
        VanishingScp peer = new VanishingScp("GONE", ANSWERED, ending);
        int port = peer.port();
        Process storescp = null;
        try (LogCapture log = new LogCapture();
             ArchiveServer server = new ArchiveServer(dir, "\"DicomModalities\": { \"gone\": [\"GONE\", \"127.0.0.1\", "
                     + port + "] }")) {
            int http = server.httpPort();
            for (Path f : files) {
                assertThat(Http.post(http, "/instances", Files.readAllBytes(f)).statusCode()).isEqualTo(200);
            }
            String study = ArchiveIngestIT.ids(http, "/studies").iterator().next();
            long threadsBefore = associationThreads();
            log.clear();

            String id = submit(http, study);
            JsonNode failed = awaitState(http, id, "Failure");
            assertThat(peer.vanished.get(60, TimeUnit.SECONDS)).isEqualTo(ANSWERED);
            assertThat(failed.get("ErrorCode").asInt()).isEqualTo(9);
            assertThat(failed.get("ErrorDescription").asText()).isEqualTo("Error in the network protocol");
            String details = failed.get("ErrorDetails").asText();
            assertThat(details).contains("GONE");
            assertThat(failed.get("Progress").asInt()).as("6 of 12 instances were sent").isEqualTo(50);
            assertThat(failed.get("Content").get("InstancesCount").asInt()).isEqualTo(INSTANCES);
            assertThat(failed.get("Content").get("FailedInstancesCount").asInt()).as("as Orthanc, when not permissive")
                    .isZero();
            assertThat(failed.has("CompletionTime")).isTrue();

            // the held association is gone: its reader thread has ended and the peer saw the connection closed
            Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(20))
                    .until(() -> associationThreads() == threadsBefore);
            if (ending == VanishingScp.Ending.ABORT) {
                assertThat(peer.closedByRequestor.get(60, TimeUnit.SECONDS)).as("transport closed after A-ABORT").isTrue();
            }
            assertThat(log.warnings()).as("one clear line").hasSize(1);
            assertThat(log.warnings().get(0)).contains(id, "Failure", "Error in the network protocol", details);

            // the modality is back, same AE title and port: a resubmit sends everything
            peer.close();
            peer.join();
            Path received = Files.createDirectories(dir.resolve("received"));
            storescp = Tools.start(dir.resolve("storescp.log"), List.of("storescp", "-aet", "GONE",
                    "--output-directory", received.toString(), Integer.toString(port)));
            Ports.awaitListening(port);
            var resubmit = Http.post(http, "/jobs/" + id + "/resubmit", new byte[0]);
            assertThat(resubmit.statusCode()).as(resubmit.body()).isEqualTo(200);
            JsonNode done = awaitState(http, id, "Success");
            assertThat(done.get("Progress").asInt()).isEqualTo(100);
            assertThat(done.get("ErrorCode").asInt()).isZero();
            assertThat(done.get("Content").get("FailedInstancesCount").asInt()).isZero();
            try (Stream<Path> s = Files.list(received)) {
                assertThat(s.count()).isEqualTo(INSTANCES);
            }
            Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(20))
                    .until(() -> associationThreads() == threadsBefore);
        } finally {
            peer.close();
            if (storescp != null) {
                Tools.stop(storescp, Duration.ofSeconds(30));
            }
        }
    }

    /** The same peer against Orthanc 1.10.1: the oracle for State, ErrorCode and Progress above. */
    @ParameterizedTest
    @EnumSource(VanishingScp.Ending.class)
    void orthancFailsTheSameJobTheSameWay(VanishingScp.Ending ending, @TempDir Path dir) throws Exception {
        List<Path> files = TestInstances.ct(dir.resolve("in"), INSTANCES, 0.004);
        try (VanishingScp peer = new VanishingScp("GONE", ANSWERED, ending);
             Orthanc orthanc = Orthanc.start(dir, "{ \"gone\": [\"GONE\", \"127.0.0.1\", " + peer.port() + "] }")) {
            int http = orthanc.httpPort();
            for (Path f : files) {
                assertThat(Http.post(http, "/instances", Files.readAllBytes(f)).statusCode()).isEqualTo(200);
            }
            String study = ArchiveIngestIT.ids(http, "/studies").iterator().next();
            String body = "{ \"Resources\": [\"" + study + "\"], \"Asynchronous\": true }";
            var r = Http.post(http, "/modalities/gone/store", body.getBytes(StandardCharsets.UTF_8));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode failed = awaitState(http, JSON.readTree(r.body()).get("ID").asText(), "Failure");
            assertThat(peer.vanished.get(60, TimeUnit.SECONDS)).isEqualTo(ANSWERED);
            assertThat(failed.get("ErrorCode").asInt()).isEqualTo(9);
            assertThat(failed.get("ErrorDescription").asText()).isEqualTo("Error in the network protocol");
            assertThat(failed.get("Progress").asInt()).isEqualTo(50);
            assertThat(failed.get("Content").get("FailedInstancesCount").asInt()).isZero();
        }
    }

    /** Live association reader threads of the in-process server (DicomThreads names them dicom-assoc-N). */
    private static long associationThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("dicom-assoc-")).count();
    }

    private static String submit(int http, String resource) throws Exception {
        String body = "{ \"Resources\": [\"" + resource + "\"], \"Synchronous\": false }";
        var r = Http.post(http, "/modalities/gone/store", body.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("ID").asText();
    }

    private static JsonNode awaitState(int http, String id, String state) {
        return Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> {
            var r = Http.get(http, "/jobs/" + id);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return JSON.readTree(r.body());
        }, j -> j.get("State").asText().equals(state));
    }
}
