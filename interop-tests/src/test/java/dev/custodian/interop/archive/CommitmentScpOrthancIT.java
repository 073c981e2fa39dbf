package dev.custodian.interop.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.interop.support.Http;
import dev.custodian.interop.support.Orthanc;
import dev.custodian.interop.support.Part10;
import dev.custodian.interop.support.Ports;
import dev.custodian.interop.support.TestInstances;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Orthanc 1.10.1 as the requesting SCU of Custodian's Storage Commitment SCP ({@code POST
 * /modalities/custodian/storage-commitment}, then {@code GET /storage-commitment/{id}} on Orthanc):
 * a stored instance is committed; a missing one fails with 274 (0112H); one referenced under
 * another SOP class with 281 (0119H); one whose file was deleted behind the index's back with 272
 * (0110H) under the default {@code File} check. Custodian's job shows Orthanc's Content fields
 * and streams the per-instance results; the ledger shows the commitment and guards deletion.
 */
class CommitmentScpOrthancIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void orthancSeesWhatCustodianHoldsAndCustodianKeepsWhatItCommitted(@TempDir Path dir) throws Exception {
        List<Path> files = TestInstances.secondaryCapture(dir.resolve("in"), "stgcmt", 4, 8, 9);
        int custodianPort = Ports.freePort();
        try (ArchiveServer server = new ArchiveServer(dir, "\"DicomPort\": " + custodianPort);
             Orthanc orthanc = Orthanc.start(dir, "{ \"custodian\": [\"" + ArchiveServer.AET + "\", \"127.0.0.1\", "
                     + custodianPort + "] }")) {
            int http = server.httpPort();
            put(http, "/modalities/orthanc", "{\"AET\": \"" + Orthanc.AET + "\", \"Host\": \"127.0.0.1\", \"Port\": "
                    + orthanc.dicomPort() + "}");
            Part10 stored = Part10.read(files.get(0));
            Part10 missing = Part10.read(files.get(1));
            Part10 conflict = Part10.read(files.get(2));
            Part10 deleted = Part10.read(files.get(3));
            String storedId = upload(http, files.get(0));
            upload(http, files.get(2));
            byte[] deletedBytes = Files.readAllBytes(files.get(3));
            upload(http, files.get(3));
            deleteBehindTheIndex(server.storage, deletedBytes);

            String id = orthanc.requestStorageCommitment("custodian", List.of(
                    ref(stored), ref(missing),
                    new String[] {"1.2.840.10008.5.1.4.1.1.2", conflict.sopInstanceUid()}, ref(deleted)));
            JsonNode report = awaitReport(orthanc, id);
            assertThat(report.get("Status").asText()).as(report.toString()).isEqualTo("Failure");
            assertThat(report.get("Success")).hasSize(1);
            assertThat(report.get("Success").get(0).get("SOPInstanceUID").asText()).isEqualTo(stored.sopInstanceUid());
            Map<String, Integer> reasons = new HashMap<>();
            report.get("Failures").forEach(f -> reasons.put(f.get("SOPInstanceUID").asText(),
                    f.get("FailureReason").asInt()));
            assertThat(reasons).containsOnly(Map.entry(missing.sopInstanceUid(), 0x0112),
                    Map.entry(conflict.sopInstanceUid(), 0x0119), Map.entry(deleted.sopInstanceUid(), 0x0110));

            JsonNode job = commitmentJob(http);
            assertThat(job.get("State").asText()).isEqualTo("Success");
            JsonNode content = job.get("Content");
            assertThat(content.get("RemoteAet").asText()).isEqualTo(Orthanc.AET);
            assertThat(content.get("CalledAet").asText()).isEqualTo(ArchiveServer.AET);
            assertThat(content.get("Committed").asInt()).isEqualTo(1);
            assertThat(content.get("Failed").asInt()).isEqualTo(3);
            assertThat(content.get("DeliveryAttempts").asInt()).isEqualTo(1);
            assertThat(content.has("TransactionUid") && content.has("Description")).isTrue();
            JsonNode results = JSON.readTree(Http.get(http, "/jobs/" + job.get("ID").asText() + "/results").body());
            assertThat(results).hasSize(4);
            assertThat(results.get(0).get("Committed").asBoolean()).isTrue();
            assertThat(results.get(1).get("FailureReason").asInt()).isEqualTo(0x0112);
            assertThat(results.get(3).get("Description").asText()).contains("missing");

            JsonNode ledger = JSON.readTree(Http.get(http, "/instances/" + storedId + "/commitments").body());
            assertThat(ledger).hasSize(1);
            assertThat(ledger.get(0).get("RemoteAet").asText()).isEqualTo(Orthanc.AET);
            assertThat(ledger.get(0).get("TransactionUid").asText()).isEqualTo(content.get("TransactionUid").asText());
            HttpResponse<String> refused = delete(http, "/instances/" + storedId);
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.body()).contains("force=true");
            assertThat(Http.get(http, "/instances/" + storedId).statusCode()).isEqualTo(200);
            assertThat(delete(http, "/instances/" + storedId + "?force=true").statusCode()).isEqualTo(200);
            assertThat(Http.get(http, "/instances/" + storedId).statusCode()).isEqualTo(404);
        }
    }

    static String[] ref(Part10 p) {
        return new String[] {p.sopClassUid(), p.sopInstanceUid()};
    }

    static JsonNode awaitReport(Orthanc orthanc, String id) {
        return Awaitility.await("storage commitment report " + id).atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> orthanc.get("/storage-commitment/" + id), r -> !r.get("Status").asText().equals("Pending"));
    }

    static String upload(int http, Path file) throws Exception {
        HttpResponse<String> r = Http.post(http, "/instances", Files.readAllBytes(file));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("ID").asText();
    }

    static void put(int http, String path, String body) throws Exception {
        HttpResponse<String> r = Http.send(HttpRequest.newBuilder(Http.uri(http, path))
                .PUT(HttpRequest.BodyPublishers.ofString(body)), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    static HttpResponse<String> delete(int http, String path) throws Exception {
        return Http.send(HttpRequest.newBuilder(Http.uri(http, path)).DELETE(), HttpResponse.BodyHandlers.ofString());
    }

    /** The last StorageCommitmentScp job, null when there is none. */
    static JsonNode lastCommitmentJob(int http) throws Exception {
        List<JsonNode> jobs = new ArrayList<>();
        JSON.readTree(Http.get(http, "/jobs?expand").body()).forEach(j -> {
            if (j.get("Type").asText().equals("StorageCommitmentScp")) {
                jobs.add(j);
            }
        });
        return jobs.isEmpty() ? null : jobs.get(jobs.size() - 1);
    }

    /** The (last) StorageCommitmentScp job, once finished. */
    static JsonNode commitmentJob(int http) {
        return Awaitility.await("StorageCommitmentScp job").atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    List<JsonNode> jobs = new ArrayList<>();
                    JSON.readTree(Http.get(http, "/jobs?expand").body()).forEach(j -> {
                        if (j.get("Type").asText().equals("StorageCommitmentScp")) {
                            jobs.add(j);
                        }
                    });
                    return jobs.isEmpty() ? null : jobs.get(jobs.size() - 1);
                }, j -> j != null && (j.get("State").asText().equals("Success")
                        || j.get("State").asText().equals("Failure")));
    }

    /** Removes the stored copy of {@code content} from the storage folder, leaving its index row. */
    static void deleteBehindTheIndex(Path storage, byte[] content) throws Exception {
        try (Stream<Path> all = Files.walk(storage)) {
            List<Path> same = all.filter(Files::isRegularFile).filter(p -> {
                try {
                    return Files.size(p) == content.length && Arrays.equals(Files.readAllBytes(p), content);
                } catch (java.io.IOException e) {
                    return false;
                }
            }).toList();
            assertThat(same).hasSize(1);
            Files.delete(same.get(0));
        }
    }
}
