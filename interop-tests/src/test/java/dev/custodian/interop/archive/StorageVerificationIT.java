package dev.custodian.interop.archive;

import static dev.custodian.interop.archive.CommitmentScpOrthancIT.awaitReport;
import static dev.custodian.interop.archive.CommitmentScpOrthancIT.put;
import static dev.custodian.interop.archive.CommitmentScpOrthancIT.ref;
import static dev.custodian.interop.archive.CommitmentScpOrthancIT.upload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.interop.support.Http;
import dev.custodian.interop.support.Orthanc;
import dev.custodian.interop.support.Part10;
import dev.custodian.interop.support.Ports;
import dev.custodian.interop.support.TestInstances;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Storage verification ({@code POST /tools/verify-storage}, {@code /studies/{id}/verify}) against a
 * real requester: Orthanc 1.10.1 asks Custodian's Storage Commitment SCP to commit four instances
 * after one file was deleted and one damaged in place (same size: the default {@code File} check
 * alone would commit it). The verification lists both in its {@code report}; the commitment fails
 * them with 0110H; once the damaged file is restored and its study verified again, its mark is gone
 * and it is committed.
 */
class StorageVerificationIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void damagedAndMissingFilesAreReportedAndNotCommittedUntilRepaired(@TempDir Path dir) throws Exception {
        List<Path> files = TestInstances.secondaryCapture(dir.resolve("in"), "verify", 4, 16, 77);
        int custodianPort = Ports.freePort();
        try (ArchiveServer server = new ArchiveServer(dir, "\"DicomPort\": " + custodianPort
                + ", \"StorageVerificationRate\": 1");
             Orthanc orthanc = Orthanc.start(dir, "{ \"custodian\": [\"" + ArchiveServer.AET + "\", \"127.0.0.1\", "
                     + custodianPort + "] }")) {
            int http = server.httpPort();
            put(http, "/modalities/orthanc", "{\"AET\": \"" + Orthanc.AET + "\", \"Host\": \"127.0.0.1\", \"Port\": "
                    + orthanc.dicomPort() + "}");
            String studyId = null;
            for (Path f : files) {
                String id = upload(http, f);
                studyId = JSON.readTree(Http.get(http, "/instances/" + id + "/study").body()).get("ID").asText();
            }
            byte[] original = Files.readAllBytes(files.get(1));
            Path damaged = stored(server.storage, original);
            byte[] rotten = original.clone();
            rotten[rotten.length - 1] ^= 0x5A; // a flipped pixel byte, the size unchanged
            Files.write(damaged, rotten);
            Files.delete(stored(server.storage, Files.readAllBytes(files.get(2))));

            JsonNode job = finished(http, submit(http, "/tools/verify-storage"));
            assertThat(job.get("State").asText()).isEqualTo("Success");
            assertThat(job.get("Content").get("CheckedInstancesCount").asInt()).isEqualTo(4);
            assertThat(job.get("Content").get("MissingInstancesCount").asInt()).isEqualTo(1);
            assertThat(job.get("Content").get("DamagedInstancesCount").asInt()).isEqualTo(1);
            JsonNode report = JSON.readTree(Http.get(http, "/jobs/" + job.get("ID").asText() + "/report").body());
            Map<String, String> problems = new HashMap<>();
            report.get("Instances").forEach(i -> problems.put(i.get("SOPInstanceUID").asText(),
                    i.get("Problem").asText()));
            Part10 one = Part10.read(files.get(1));
            Part10 two = Part10.read(files.get(2));
            assertThat(problems).containsOnly(Map.entry(one.sopInstanceUid(), "Damaged"),
                    Map.entry(two.sopInstanceUid(), "Missing"));

            Map<String, Integer> failures = commit(orthanc, files);
            assertThat(failures).containsOnly(Map.entry(one.sopInstanceUid(), 0x0110),
                    Map.entry(two.sopInstanceUid(), 0x0110));

            Files.write(damaged, original); // restored from a backup
            JsonNode again = finished(http, submit(http, "/studies/" + studyId + "/verify"));
            assertThat(again.get("Content").get("DamagedInstancesCount").asInt()).isZero();
            assertThat(commit(orthanc, files)).containsOnly(Map.entry(two.sopInstanceUid(), 0x0110));
            assertThat(Http.post(http, "/studies/nope/verify", new byte[0]).statusCode()).isEqualTo(404);
        }
    }

    /** Orthanc asks Custodian to commit {@code files}; the Failure Reason of each one not committed. */
    private static Map<String, Integer> commit(Orthanc orthanc, List<Path> files) throws Exception {
        List<String[]> refs = new java.util.ArrayList<>();
        for (Path f : files) {
            refs.add(ref(Part10.read(f)));
        }
        JsonNode report = awaitReport(orthanc, orthanc.requestStorageCommitment("custodian", refs));
        Map<String, Integer> failures = new HashMap<>();
        if (report.has("Failures")) {
            report.get("Failures").forEach(f -> failures.put(f.get("SOPInstanceUID").asText(),
                    f.get("FailureReason").asInt()));
        }
        assertThat(report.get("Success").size() + failures.size()).as(report.toString()).isEqualTo(files.size());
        return failures;
    }

    private static String submit(int http, String path) throws Exception {
        var r = Http.post(http, path, "{\"Priority\": 5}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("Path").asText()).isEqualTo("/jobs/" + body.get("ID").asText());
        return body.get("ID").asText();
    }

    private static JsonNode finished(int http, String jobId) {
        return Awaitility.await("job " + jobId).atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> JSON.readTree(Http.get(http, "/jobs/" + jobId).body()),
                        j -> j.get("State").asText().equals("Success") || j.get("State").asText().equals("Failure"));
    }

    /** The stored copy of {@code content} in the storage folder. */
    private static Path stored(Path storage, byte[] content) throws Exception {
        try (Stream<Path> all = Files.walk(storage)) {
            List<Path> same = all.filter(Files::isRegularFile).filter(p -> {
                try {
                    return Files.size(p) == content.length && java.util.Arrays.equals(Files.readAllBytes(p), content);
                } catch (java.io.IOException e) {
                    return false;
                }
            }).toList();
            assertThat(same).hasSize(1);
            return same.get(0);
        }
    }
}
