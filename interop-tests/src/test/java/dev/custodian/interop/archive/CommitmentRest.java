package dev.custodian.interop.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.interop.support.Http;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;

/** REST calls of the Storage Commitment ITs against Custodian (or Orthanc: the same routes). */
final class CommitmentRest {
    static final ObjectMapper JSON = new ObjectMapper();

    private CommitmentRest() {
    }

    static HttpResponse<String> post(int http, String path, String body) throws IOException, InterruptedException {
        return Http.post(http, path, body.getBytes(StandardCharsets.UTF_8));
    }

    /** POSTs and requires 200; the JSON answer. */
    static JsonNode ok(int http, String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = post(http, path, body);
        assertThat(r.statusCode()).as("POST %s %s → %s", path, body, r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static JsonNode get(int http, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = Http.get(http, path);
        assertThat(r.statusCode()).as("GET %s → %s", path, r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** Uploads the files; their instance IDs in order. */
    static List<String> upload(int http, List<Path> files) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (Path f : files) {
            HttpResponse<String> r = Http.post(http, "/instances", Files.readAllBytes(f));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            ids.add(JSON.readTree(r.body()).get("ID").asText());
        }
        return ids;
    }

    /** Waits until the transaction is no longer Pending; its JSON. */
    static JsonNode awaitFinished(int http, String uid, Duration max) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await("transaction " + uid + " finished").atMost(max).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    last[0] = get(http, "/storage-commitment/" + uid);
                    return !last[0].get("Status").asText().equals("Pending");
                });
        return last[0];
    }

    /** Waits until the job is in {@code state}; its JSON. */
    static JsonNode awaitJob(int http, String id, String state, Duration max) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await("job " + id + " " + state).atMost(max).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    last[0] = get(http, "/jobs/" + id);
                    return last[0].get("State").asText().equals(state);
                });
        return last[0];
    }

    static String ids(List<String> ids) throws IOException {
        return JSON.writeValueAsString(ids);
    }

    static int status(int http, String path) throws IOException, InterruptedException {
        return Http.get(http, path).statusCode();
    }
}
