package dev.custodian.interop.archive;

import static dev.custodian.interop.archive.CommitmentRest.awaitFinished;
import static dev.custodian.interop.archive.CommitmentRest.awaitJob;
import static dev.custodian.interop.archive.CommitmentRest.ids;
import static dev.custodian.interop.archive.CommitmentRest.ok;
import static dev.custodian.interop.archive.CommitmentRest.status;
import static dev.custodian.interop.archive.CommitmentRest.upload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodian.interop.support.LogCapture;
import dev.custodian.interop.support.Ports;
import dev.custodian.interop.support.TestInstances;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #10 against Custodian's own Storage Commitment SCP (issue #9): Custodian A forwards to
 * Custodian B ({@value #SCP_AET}) and asks it to commit; B reports on A's N-ACTION association
 * (B's modality entry {@code StorageCommitmentReportOnSameAssociation}, A lingering) or on a new
 * association it opens to A's DicomPort. Committed, missing (0112H) and forward-and-release.
 */
class StorageCommitmentOwnScpIT {
    static final String SCP_AET = "SCPB";
    static final Duration WAIT = Duration.ofSeconds(60);

    @ParameterizedTest(name = "report on the N-ACTION association: {0}")
    @ValueSource(booleans = {true, false})
    void custodianCommitsWhatItHoldsToCustodian(boolean sameAssociation, @TempDir Path dir) throws Exception {
        int portA = Ports.freePort();
        int portB = Ports.freePort();
        try (LogCapture logs = new LogCapture();
             ArchiveServer b = new ArchiveServer(dir.resolve("b"), portB, "\"DicomAet\": \"" + SCP_AET + "\","
                     + " \"DicomModalities\": { \"a\": { \"AET\": \"" + ArchiveServer.AET + "\", \"Host\": \"127.0.0.1\","
                     + " \"Port\": " + portA + ", \"StorageCommitmentReportOnSameAssociation\": " + sameAssociation
                     + " } }");
             ArchiveServer a = new ArchiveServer(dir.resolve("a"), portA, "\"DicomModalities\": { \"b\": [\""
                     + SCP_AET + "\", \"127.0.0.1\", " + portB + "] }, \"StorageCommitmentScuLinger\": "
                     + (sameAssociation ? 20 : 0))) {
            int http = a.httpPort();
            List<String> ids = upload(http, TestInstances.secondaryCapture(dir.resolve("in"), "OWN", 3, 8, 11));

            JsonNode stored = ok(http, "/modalities/b/store", "{\"Resources\": " + ids(ids.subList(0, 2))
                    + ", \"StorageCommitment\": true}");
            String uid = stored.get("StorageCommitmentTransactionUID").asText();
            assertThat(awaitFinished(http, uid, WAIT).get("Status").asText()).isEqualTo("Success");

            String mixed = ok(http, "/modalities/b/storage-commitment", "{\"Resources\": " + ids(ids) + "}")
                    .get("ID").asText();
            JsonNode report = awaitFinished(http, mixed, WAIT);
            assertThat(report.get("Status").asText()).isEqualTo("Failure");
            assertThat(report.get("Success")).hasSize(2);
            assertThat(report.get("Failures").get(0).get("FailureReason").asInt()).isEqualTo(0x0112);

            assertThat(ok(http, "/storage-commitment/" + uid + "/remove", "").isEmpty()).isTrue();
            assertThat(status(http, "/instances/" + ids.get(0))).isEqualTo(404);
            assertThat(status(http, "/instances/" + ids.get(2))).isEqualTo(200);
            assertThat(status(b.httpPort(), "/instances/" + ids.get(0))).as("B keeps what it committed").isEqualTo(200);

            String job = ok(http, "/modalities/b/store", "{\"Resources\": [\"" + ids.get(2) + "\"],"
                    + " \"Synchronous\": false, \"ReleaseAfterCommitment\": true}").get("ID").asText();
            JsonNode done = awaitJob(http, job, "Success", WAIT);
            assertThat(done.get("Content").get("ReleasedInstancesCount").asInt()).isEqualTo(1);
            assertThat(status(http, "/instances/" + ids.get(2))).isEqualTo(404);
            assertThat(status(b.httpPort(), "/instances/" + ids.get(2))).isEqualTo(200);

            List<String> fromB = logs.messages("association from " + SCP_AET + " ");
            if (sameAssociation) {
                assertThat(fromB).as("every report came on A's N-ACTION association").isEmpty();
            } else {
                assertThat(fromB).as("B opened an association to A for each report").hasSizeGreaterThanOrEqualTo(3);
            }
        }
    }
}
