package dev.custodian.interop.archive;

import static dev.custodian.interop.archive.CommitmentRest.awaitFinished;
import static dev.custodian.interop.archive.CommitmentRest.get;
import static dev.custodian.interop.archive.CommitmentRest.ids;
import static dev.custodian.interop.archive.CommitmentRest.ok;
import static dev.custodian.interop.archive.CommitmentRest.upload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodian.interop.support.Ports;
import dev.custodian.interop.support.TestInstances;
import dev.custodian.net.dimse.Status;
import dev.custodian.stgcmt.CommitmentReport;
import dev.custodian.stgcmt.SopReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #10, durability: Custodian is restarted between its N-ACTION and the report of a slow
 * SCP ({@link LateCommitmentScp}); the report is still received and recorded, and kept across a
 * further restart; a transaction without report by its deadline ends Timeout and a late report
 * is answered but not applied. On SQLite and on PostgreSQL. Then the report on the N-ACTION's own
 * association, unsolicited and malformed reports.
 */
class StorageCommitmentRestartIT {
    static final Duration WAIT = Duration.ofSeconds(30);

    private static String config(int scpPort, String db, int deadline) throws Exception {
        return "\"DicomModalities\": { \"late\": [\"" + LateCommitmentScp.AET + "\", \"127.0.0.1\", " + scpPort
                + "] }, \"StorageCommitmentScuDeadline\": " + deadline + ", \"StorageCommitmentScuLinger\": 0"
                + (db.isEmpty() ? "" : ", " + db);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aReportAfterARestartIsRecordedAndKeptAndNoReportByTheDeadlineIsTimeout(String dialect, @TempDir Path dir)
            throws Exception {
        String db = dialect.equals("postgresql") ? ArchiveServer.freshPostgres() : "";
        int port = Ports.freePort();
        try (LateCommitmentScp scp = new LateCommitmentScp(false)) {
            String uid;
            try (ArchiveServer first = new ArchiveServer(dir, port, config(scp.port(), db, 600))) {
                List<String> ids = upload(first.httpPort(), TestInstances.secondaryCapture(dir.resolve("in"), "RST", 2, 8,
                        7));
                uid = ok(first.httpPort(), "/modalities/late/storage-commitment", "{\"Resources\": " + ids(ids) + "}")
                        .get("ID").asText();
                Awaitility.await().atMost(WAIT).until(() -> scp.requests.size() == 1);
                assertThat(get(first.httpPort(), "/storage-commitment/" + uid).get("Status").asText())
                        .isEqualTo("Pending");
            }
            try (ArchiveServer second = new ArchiveServer(dir, port, config(scp.port(), db, 600))) {
                assertThat(get(second.httpPort(), "/storage-commitment/" + uid).get("Status").asText())
                        .isEqualTo("Pending");
                assertThat(scp.reportCommitted(port, 0)).isEqualTo(Status.SUCCESS);
                JsonNode report = get(second.httpPort(), "/storage-commitment/" + uid);
                assertThat(report.get("Status").asText()).isEqualTo("Success");
                assertThat(report.get("Success")).hasSize(2);
                // a second report for a finished transaction is answered, not applied
                SopReference first = scp.requests.get(0).references().get(0);
                assertThat(scp.report(port, new CommitmentReport(uid, null, List.of(),
                        List.of(new dev.custodian.stgcmt.FailedReference(first,
                                dev.custodian.stgcmt.FailureReason.PROCESSING_FAILURE))))).isEqualTo(Status.SUCCESS);
            }
            try (ArchiveServer third = new ArchiveServer(dir, port, config(scp.port(), db, 1))) {
                int http = third.httpPort();
                JsonNode kept = get(http, "/storage-commitment/" + uid);
                assertThat(kept.get("Status").asText()).isEqualTo("Success");
                assertThat(kept.get("Success")).hasSize(2);
                assertThat(kept.get("Failures")).isEmpty();

                List<String> more = upload(http, TestInstances.secondaryCapture(dir.resolve("in2"), "TMO", 1, 8, 8));
                String late = ok(http, "/modalities/late/storage-commitment", "{\"Resources\": " + ids(more) + "}")
                        .get("ID").asText();
                assertThat(awaitFinished(http, late, WAIT).get("Status").asText()).isEqualTo("Timeout");
                assertThat(scp.reportCommitted(port, 1)).isEqualTo(Status.SUCCESS);
                assertThat(get(http, "/storage-commitment/" + late).get("Status").asText()).isEqualTo("Timeout");
                assertThat(get(http, "/storage-commitment?status=Timeout").findValuesAsText("ID")).containsExactly(late);
            }
        }
    }

    @Test
    void reportsOnTheActionAssociationUnsolicitedAndMalformedOnes(@TempDir Path dir) throws Exception {
        int port = Ports.freePort();
        try (LateCommitmentScp atOnce = new LateCommitmentScp(true);
             LateCommitmentScp later = new LateCommitmentScp(false)) {
            String modalities = "\"DicomModalities\": { \"same\": [\"" + LateCommitmentScp.AET + "\", \"127.0.0.1\", "
                    + atOnce.port() + "], \"late\": [\"" + LateCommitmentScp.AET + "\", \"127.0.0.1\", "
                    + later.port() + "] }, \"StorageCommitmentScuLinger\": 10";
            try (ArchiveServer server = new ArchiveServer(dir, port, modalities)) {
                int http = server.httpPort();
                List<String> ids = upload(http, TestInstances.secondaryCapture(dir.resolve("in"), "SAME", 2, 8, 9));
                String uid = ok(http, "/modalities/same/storage-commitment", "{\"Resources\": " + ids(ids) + "}")
                        .get("ID").asText();
                assertThat(awaitFinished(http, uid, WAIT).get("Status").asText()).isEqualTo("Success");

                String pending = ok(http, "/modalities/late/storage-commitment", "{\"Resources\": " + ids(ids) + "}")
                        .get("ID").asText();
                Awaitility.await().atMost(WAIT).until(() -> later.requests.size() == 1);
                SopReference stranger = new SopReference("1.2.840.10008.5.1.4.1.1.7", "1.2.3.4.5.6.7.8.9");
                Status foreign = later.report(port, new CommitmentReport(pending, null, List.of(stranger), List.of()));
                assertThat(foreign.code()).isEqualTo(0x0115);
                assertThat(get(http, "/storage-commitment/" + pending).get("Status").asText()).isEqualTo("Pending");

                assertThat(later.report(port, new CommitmentReport("2.25.4242", null, List.of(stranger), List.of())))
                        .isEqualTo(Status.SUCCESS);
                JsonNode unsolicited = get(http, "/storage-commitment?modality=late").findValue("Solicited");
                assertThat(unsolicited).isNotNull();
                JsonNode shown = get(http, "/storage-commitment/2.25.4242");
                assertThat(shown.get("Status").asText()).isEqualTo("Success");
                assertThat(CommitmentRest.post(http, "/storage-commitment/2.25.4242/remove", "").statusCode())
                        .isEqualTo(400);

                assertThat(later.reportCommitted(port, 0)).isEqualTo(Status.SUCCESS);
                assertThat(get(http, "/storage-commitment/" + pending).get("Status").asText()).isEqualTo("Success");
            }
        }
    }
}
