package dev.custodian.interop.archive;

import static dev.custodian.interop.archive.CommitmentRest.JSON;
import static dev.custodian.interop.archive.CommitmentRest.awaitFinished;
import static dev.custodian.interop.archive.CommitmentRest.awaitJob;
import static dev.custodian.interop.archive.CommitmentRest.get;
import static dev.custodian.interop.archive.CommitmentRest.ids;
import static dev.custodian.interop.archive.CommitmentRest.ok;
import static dev.custodian.interop.archive.CommitmentRest.post;
import static dev.custodian.interop.archive.CommitmentRest.status;
import static dev.custodian.interop.archive.CommitmentRest.upload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodian.interop.support.Orthanc;
import dev.custodian.interop.support.Ports;
import dev.custodian.interop.support.TestInstances;
import dev.custodian.interop.support.Tools;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #10 against Orthanc 1.10.1 as the Storage Commitment SCP: Custodian asks, Orthanc
 * answers on a new association to Custodian's DicomPort (it finds us in its DicomModalities).
 * Orthanc's own answers for the same routes were checked by hand (an Orthanc committing to
 * another Orthanc): the JSON shapes asserted here are those.
 */
class StorageCommitmentScuIT {
    static final Duration REPORT = Duration.ofSeconds(30);
    static final String PRIVATE_CLASS = "1.2.826.0.1.3680043.10.1137.77.1";
    @TempDir
    static Path dir;
    static Orthanc orthanc;
    static ArchiveServer server;
    static int http;
    static int seed;

    @BeforeAll
    static void start() throws Exception {
        int dicomPort = Ports.freePort();
        orthanc = Orthanc.start(dir, "{ \"custodian\": [\"CUSTODIAN\", \"127.0.0.1\", " + dicomPort + "] }");
        server = new ArchiveServer(dir.resolve("custodian"), dicomPort, "\"DicomModalities\": {"
                + " \"orthanc\": [\"ORTHANC\", \"127.0.0.1\", " + orthanc.dicomPort() + "],"
                + " \"dead\": [\"DEAD\", \"127.0.0.1\", " + Ports.freePort() + "],"
                + " \"nocommit\": { \"AET\": \"NOCOMMIT\", \"Host\": \"127.0.0.1\", \"Port\": " + orthanc.dicomPort()
                + ", \"AllowStorageCommitment\": false },"
                + " \"stranger\": { \"AET\": \"ORTHANC\", \"Host\": \"127.0.0.1\", \"Port\": " + orthanc.dicomPort()
                + ", \"LocalAet\": \"STRANGER\" } }, \"StorageCommitmentScuLinger\": 1,"
                + " \"StorageCommitmentScuRetryDelay\": 1");
        http = server.httpPort();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (orthanc != null) {
            orthanc.close("stgcmt-scu");
        }
    }

    static List<String> instances(String prefix, int count) throws Exception {
        return upload(http, TestInstances.secondaryCapture(dir.resolve(prefix), prefix, count, 8, ++seed));
    }

    static JsonNode tags(String id) throws Exception {
        return get(http, "/instances/" + id + "/simplified-tags");
    }

    @Test
    void storedAndMissingInstancesGiveSuccessAndFailure274AndRemoveDeletesTheCommittedCopies() throws Exception {
        List<String> ids = instances("MIX", 3);
        ok(http, "/modalities/orthanc/store", ids(ids.subList(0, 2)));

        JsonNode answer = ok(http, "/modalities/orthanc/storage-commitment", "{\"Resources\": " + ids(ids) + "}");
        String failed = answer.get("ID").asText();
        assertThat(failed).startsWith("2.25.");
        assertThat(answer.get("Path").asText()).isEqualTo("/storage-commitment/" + failed);
        JsonNode report = awaitFinished(http, failed, REPORT);
        assertThat(report.get("Status").asText()).isEqualTo("Failure");
        assertThat(report.get("RemoteAET").asText()).isEqualTo("ORTHANC");
        assertThat(report.get("Success")).hasSize(2);
        JsonNode failure = report.get("Failures").get(0);
        assertThat(report.get("Failures")).hasSize(1);
        assertThat(failure.get("FailureReason").isInt()).isTrue();
        assertThat(failure.get("FailureReason").asInt()).isEqualTo(274);
        assertThat(failure.get("Description").asText())
                .isEqualTo("One or more of the elements in the Referenced SOP Instance Sequence was not available");
        assertThat(failure.get("SOPInstanceUID").asText()).isEqualTo(tags(ids.get(2)).get("SOPInstanceUID").asText());
        HttpResponse<String> refused = post(http, "/storage-commitment/" + failed + "/remove", "");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("Message").asText()).isEqualTo("Bad sequence of calls");

        // both forms of DicomInstances
        JsonNode t0 = tags(ids.get(0));
        JsonNode t1 = tags(ids.get(1));
        String body = "{\"DicomInstances\": [[\"" + t0.get("SOPClassUID").asText() + "\", \""
                + t0.get("SOPInstanceUID").asText() + "\"], {\"SOPClassUID\": \"" + t1.get("SOPClassUID").asText()
                + "\", \"SOPInstanceUID\": \"" + t1.get("SOPInstanceUID").asText() + "\"}], \"Timeout\": 20}";
        String committed = ok(http, "/modalities/orthanc/storage-commitment", body).get("ID").asText();
        JsonNode success = awaitFinished(http, committed, REPORT);
        assertThat(success.get("Status").asText()).isEqualTo("Success");
        assertThat(success.get("Failures")).isEmpty();
        assertThat(success.get("Success")).hasSize(2);
        assertThat(success.get("Success").get(0).get("SOPInstanceUID").asText())
                .isEqualTo(t0.get("SOPInstanceUID").asText());
        assertThat(iterable(success)).containsExactly("Failures", "RemoteAET", "Status", "Success");

        assertThat(ok(http, "/storage-commitment/" + committed + "/remove", "").isEmpty()).isTrue();
        assertThat(status(http, "/instances/" + ids.get(0))).isEqualTo(404);
        assertThat(status(http, "/instances/" + ids.get(1))).isEqualTo(404);
        assertThat(status(http, "/instances/" + ids.get(2))).isEqualTo(200);
        assertThat(get(http, "/storage-commitment/" + committed).get("Status").asText()).isEqualTo("Success");

        JsonNode failures = get(http, "/storage-commitment?status=Failure&modality=orthanc");
        assertThat(failures.findValuesAsText("ID")).contains(failed).doesNotContain(committed);
    }

    private static List<String> iterable(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void badRequestsAreRefusedWithOrthancsCodes() throws Exception {
        String id = instances("BAD", 1).get(0);
        assertThat(post(http, "/modalities/zzz/storage-commitment", "{\"Resources\": [\"" + id + "\"]}").statusCode())
                .isEqualTo(404);
        assertThat(post(http, "/modalities/orthanc/storage-commitment", "{\"DicomInstances\": [\"" + id + "\"]}")
                .statusCode()).isEqualTo(400);
        assertThat(post(http, "/modalities/orthanc/storage-commitment", "{\"Resources\": [\"nope\"]}").statusCode())
                .isEqualTo(404);
        HttpResponse<String> empty = post(http, "/modalities/orthanc/storage-commitment", "{}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(empty.body()).get("Details").asText()).contains("\"Resources\" or \"DicomInstances\"");
        assertThat(post(http, "/modalities/orthanc/storage-commitment", "{").statusCode()).isEqualTo(400);
        HttpResponse<String> nocommit = post(http, "/modalities/nocommit/storage-commitment",
                "{\"Resources\": [\"" + id + "\"]}");
        assertThat(nocommit.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(nocommit.body()).get("Details").asText()).contains("AllowStorageCommitment");
        HttpResponse<String> dead = post(http, "/modalities/dead/storage-commitment", "{\"Resources\": [\"" + id + "\"]}");
        assertThat(dead.statusCode()).isEqualTo(500);
        assertThat(JSON.readTree(dead.body()).get("Message").asText()).isEqualTo("Error in the network protocol");
        assertThat(JSON.readTree(dead.body()).get("Details").asText()).contains("DEAD");
        assertThat(get(http, "/storage-commitment?modality=dead")).isEmpty();
        assertThat(status(http, "/storage-commitment/2.25.1")).isEqualTo(404);
        assertThat(post(http, "/storage-commitment/2.25.1/remove", "").statusCode()).isEqualTo(404);
        assertThat(status(http, "/storage-commitment?status=Nope")).isEqualTo(400);
    }

    @Test
    void storeWithStorageCommitmentSynchronouslyAndAsAJobEndsSuccess() throws Exception {
        List<String> ids = instances("STORE", 2);
        JsonNode sync = ok(http, "/modalities/orthanc/store", "{\"Resources\": " + ids(ids)
                + ", \"StorageCommitment\": true}");
        assertThat(sync.get("InstancesCount").asInt()).isEqualTo(2);
        String uid = sync.get("StorageCommitmentTransactionUID").asText();
        assertThat(awaitFinished(http, uid, REPORT).get("Status").asText()).isEqualTo("Success");

        JsonNode job = ok(http, "/modalities/orthanc/store", "{\"Resources\": " + ids(ids)
                + ", \"StorageCommitment\": true, \"Synchronous\": false}");
        JsonNode done = awaitJob(http, job.get("ID").asText(), "Success", REPORT);
        String jobUid = done.get("Content").get("StorageCommitmentTransactionUID").asText();
        assertThat(jobUid).startsWith("2.25.").isNotEqualTo(uid);
        assertThat(awaitFinished(http, jobUid, REPORT).get("Status").asText()).isEqualTo("Success");
        assertThat(status(http, "/instances/" + ids.get(0))).as("no release asked").isEqualTo(200);
    }

    /**
     * Orthanc takes C-STOREs from any AE but aborts the N-ACTION of an AE missing from its
     * DicomModalities: the synchronous store answers 500, the job goes to Retry (and again, every
     * StorageCommitmentScuRetryDelay) until cancelled.
     */
    @Test
    void aRemoteThatRefusesTheActionIsAnHttpErrorOrAJobInRetry() throws Exception {
        List<String> ids = instances("REFUSE", 1);
        HttpResponse<String> sync = post(http, "/modalities/stranger/store", "{\"Resources\": " + ids(ids)
                + ", \"StorageCommitment\": true}");
        assertThat(sync.statusCode()).as(sync.body()).isEqualTo(500);
        assertThat(JSON.readTree(sync.body()).get("Details").asText()).startsWith("Storage commitment - ");

        String job = ok(http, "/modalities/stranger/store", "{\"Resources\": " + ids(ids)
                + ", \"StorageCommitment\": true, \"Synchronous\": false}").get("ID").asText();
        JsonNode retry = awaitJob(http, job, "Retry", REPORT);
        String uid = retry.get("Content").get("StorageCommitmentTransactionUID").asText();
        JsonNode summary = get(http, "/storage-commitment?modality=stranger");
        assertThat(summary.findValuesAsText("ID")).containsExactly(uid);
        assertThat(summary.get(0).get("PartsSent").asInt()).isZero();
        assertThat(summary.get(0).get("LastError").asText()).isNotEmpty();
        assertThat(ok(http, "/jobs/" + job + "/cancel", "").isEmpty()).isTrue();
        awaitJob(http, job, "Failure", REPORT);
    }

    /**
     * Forward-and-release: one instance of a SOP class Orthanc does not accept cannot be stored
     * (permissive job), so Orthanc cannot commit it: the two others are released, it is kept.
     */
    @Test
    void forwardAndReleaseDeletesWhatWasCommittedAndKeepsTheRest() throws Exception {
        List<Path> files = new ArrayList<>(TestInstances.secondaryCapture(dir.resolve("FWD"), "FWD", 3, 8, ++seed));
        Tools.run("dcmodify", "-nb", "-m", "(0008,0016)=" + PRIVATE_CLASS, files.get(2).toString())
                .requireSuccess("dcmodify");
        List<String> ids = upload(http, files);

        JsonNode job = ok(http, "/modalities/orthanc/store", "{\"Resources\": " + ids(ids)
                + ", \"Synchronous\": false, \"Permissive\": true, \"ReleaseAfterCommitment\": true}");
        JsonNode done = awaitJob(http, job.get("ID").asText(), "Failure", REPORT);

        JsonNode content = done.get("Content");
        assertThat(content.get("ReleasedInstancesCount").asInt()).isEqualTo(2);
        assertThat(content.get("NotCommittedInstancesCount").asInt()).isEqualTo(1);
        assertThat(content.get("StorageCommitmentStatus").asText()).isEqualTo("Failure");
        assertThat(done.get("ErrorDetails").asText()).contains("not committed by ORTHANC");
        assertThat(status(http, "/instances/" + ids.get(0))).isEqualTo(404);
        assertThat(status(http, "/instances/" + ids.get(1))).isEqualTo(404);
        assertThat(status(http, "/instances/" + ids.get(2))).isEqualTo(200);
        JsonNode report = get(http, "/storage-commitment/" + content.get("StorageCommitmentTransactionUID").asText());
        assertThat(report.get("Failures").get(0).get("SOPClassUID").asText()).isEqualTo(PRIVATE_CLASS);

        List<String> all = instances("FWDALL", 2);
        JsonNode clean = ok(http, "/modalities/orthanc/store", "{\"Resources\": " + ids(all)
                + ", \"Synchronous\": false, \"ReleaseAfterCommitment\": true}");
        JsonNode success = awaitJob(http, clean.get("ID").asText(), "Success", REPORT);
        assertThat(success.get("Content").get("ReleasedInstancesCount").asInt()).isEqualTo(2);
        assertThat(status(http, "/instances/" + all.get(0))).isEqualTo(404);
        assertThat(orthanc.get("/instances/" + orthancId(all.get(0))).isObject()).isTrue();
    }

    /** Orthanc computes the same public IDs. */
    private static String orthancId(String id) {
        return id;
    }
}
