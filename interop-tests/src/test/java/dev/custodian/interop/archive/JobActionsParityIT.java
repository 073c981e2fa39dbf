package dev.custodian.interop.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.interop.support.Http;
import dev.custodian.interop.support.Orthanc;
import dev.custodian.interop.support.Ports;
import dev.custodian.interop.support.TestInstances;
import dev.custodian.interop.support.Tools;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /jobs/{id}/pause|resume|cancel|resubmit} on finished jobs (Success, Failure) and on
 * an unknown job ID, sent to Orthanc 1.10.1 and to Custodian: the same HTTP status for every call,
 * {@code {}} for every 200, and the same job state afterwards (a resubmitted failed job runs again
 * and fails again). {@link #ORTHANC} is what Orthanc 1.10.1 answered when this was written, so that
 * another Orthanc version that answers otherwise is noticed. One difference is deliberate: where
 * Orthanc's 400 has an empty body, Custodian's is its JSON error saying why.
 */
class JobActionsParityIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final List<String> ACTIONS = List.of("pause", "resume", "cancel", "resubmit");

    /** HTTP status of each call in Orthanc 1.10.1. */
    private static final Map<String, Integer> ORTHANC = ordered(
            "Success pause", 200, "Success resume", 400, "Success cancel", 200, "Success resubmit", 400,
            "Failure pause", 200, "Failure resume", 400, "Failure cancel", 200, "Failure resubmit", 200,
            "unknown pause", 400, "unknown resume", 400, "unknown cancel", 400, "unknown resubmit", 400,
            "unknown GET", 404);

    /** One call's answer and the state of the job afterwards ("-" for the unknown job). */
    private record Answer(int status, String body, String stateAfter) {}

    @Test
    void actionsOnFinishedAndUnknownJobsAnswerAsInOrthanc(@TempDir Path dir) throws Exception {
        List<Path> files = TestInstances.ct(dir.resolve("in"), 2, 0.004);
        int scpPort = Ports.freePort();
        int closedPort = Ports.freePort();
        Path received = Files.createDirectories(dir.resolve("received"));
        Process storescp = Tools.start(dir.resolve("storescp.log"), List.of("storescp", "-aet", "SCP",
                "--output-directory", received.toString(), Integer.toString(scpPort)));
        String modalities = "{ \"scp\": [\"SCP\", \"127.0.0.1\", " + scpPort + "],"
                + " \"nobody\": [\"NOBODY\", \"127.0.0.1\", " + closedPort + "] }";
        try (Orthanc orthanc = Orthanc.start(dir, modalities);
             ArchiveServer custodian = new ArchiveServer(dir, "\"DicomModalities\": " + modalities)) {
            Ports.awaitListening(scpPort);
            Map<String, Answer> theirs = exercise(orthanc.httpPort(), files);
            Map<String, Answer> ours = exercise(custodian.httpPort(), files);

            assertThat(statuses(theirs)).as("Orthanc 1.10.1 as written down").isEqualTo(ORTHANC);
            assertThat(statuses(ours)).as("Custodian answers as Orthanc").isEqualTo(statuses(theirs));
            for (String call : ORTHANC.keySet()) {
                Answer o = theirs.get(call);
                Answer c = ours.get(call);
                assertThat(c.stateAfter()).as(call).isEqualTo(o.stateAfter());
                if (o.status() == 200) {
                    assertThat(JSON.readTree(o.body())).as(call).isEqualTo(JSON.createObjectNode());
                    assertThat(JSON.readTree(c.body())).as(call).isEqualTo(JSON.createObjectNode());
                } else if (!call.equals("unknown GET")) {
                    assertThat(o.body()).as("Orthanc: " + call).isEmpty();
                    JsonNode error = JSON.readTree(c.body());
                    assertThat(error.get("HttpStatus").asInt()).as(call).isEqualTo(o.status());
                    assertThat(error.get("Details").asText()).as(call).isNotBlank();
                }
            }
        } finally {
            Tools.stop(storescp, Duration.ofSeconds(30));
        }
    }

    /** Makes a succeeded and a failed job on the server at {@code http}, then sends every call of {@link #ORTHANC}. */
    private static Map<String, Answer> exercise(int http, List<Path> files) throws Exception {
        for (Path f : files) {
            assertThat(Http.post(http, "/instances", Files.readAllBytes(f)).statusCode()).isEqualTo(200);
        }
        String study = ArchiveIngestIT.ids(http, "/studies").iterator().next();
        Map<String, String> jobs = new LinkedHashMap<>();
        jobs.put("Success", submit(http, "scp", study));
        jobs.put("Failure", submit(http, "nobody", study));
        Map<String, Answer> out = new LinkedHashMap<>();
        for (var job : jobs.entrySet()) {
            JsonNode before = awaitState(http, job.getValue(), job.getKey(), "");
            for (String action : ACTIONS) {
                Answer r = post(http, "/jobs/" + job.getValue() + "/" + action);
                String after = job(http, job.getValue()).get("State").asText();
                if (action.equals("resubmit") && r.status() == 200) { // it runs again, and fails again
                    after = awaitState(http, job.getValue(), "Failure", before.get("CompletionTime").asText())
                            .get("State").asText();
                }
                out.put(job.getKey() + " " + action, new Answer(r.status(), r.body(), after));
            }
        }
        for (String action : ACTIONS) {
            out.put("unknown " + action, post(http, "/jobs/nope-0000/" + action));
        }
        HttpResponse<String> get = Http.get(http, "/jobs/nope-0000");
        out.put("unknown GET", new Answer(get.statusCode(), get.body(), "-"));
        return out;
    }

    private static Answer post(int http, String path) throws Exception {
        HttpResponse<String> a = Http.post(http, path, new byte[0]);
        return new Answer(a.statusCode(), a.body(), "-");
    }

    private static String submit(int http, String modality, String resource) throws Exception {
        String body = "{ \"Resources\": [\"" + resource + "\"], \"Asynchronous\": true }";
        var r = Http.post(http, "/modalities/" + modality + "/store", body.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("ID").asText();
    }

    private static JsonNode job(int http, String id) throws Exception {
        var r = Http.get(http, "/jobs/" + id);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** Waits for {@code state} with a CompletionTime other than {@code notCompletedAt}. */
    private static JsonNode awaitState(int http, String id, String state, String notCompletedAt) {
        return Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> job(http, id),
                j -> j.get("State").asText().equals(state)
                        && !j.path("CompletionTime").asText().equals(notCompletedAt));
    }

    private static Map<String, Integer> statuses(Map<String, Answer> answers) {
        Map<String, Integer> out = new LinkedHashMap<>();
        answers.forEach((call, a) -> out.put(call, a.status()));
        return out;
    }

    private static Map<String, Integer> ordered(Object... pairs) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return out;
    }
}
