package dev.custodian.interop.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.dicom.codec.DicomWriter;
import dev.custodian.dicom.codec.TransferSyntax;
import dev.custodian.dicom.data.DataSet;
import dev.custodian.dicom.data.VR;
import dev.custodian.dicom.dict.Tag;
import dev.custodian.interop.support.Part10;
import dev.custodian.interop.support.Ports;
import dev.custodian.interop.support.TestInstances;
import dev.custodian.interop.support.Tools;
import dev.custodian.net.dimse.NActionRsp;
import dev.custodian.net.service.DicomConnection;
import dev.custodian.stgcmt.Commitment;
import dev.custodian.stgcmt.CommitmentReport;
import dev.custodian.stgcmt.SopReference;
import dev.custodian.stgcmt.StorageCommitment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Custodian as the Storage Commitment SCP of a modality built from the {@code stgcmt} library,
 * configured as the Orthanc Book's sample ({@code "DicomModalities": {"storage-commitment":
 * ["STGCMTSCU", "127.0.0.1", port]}}): a missing instance fails with 274 until DCMTK storescu
 * stores it; a report whose requester is not listening is retried until it listens; unknown or
 * forbidden AEs get 0124H with an Error Comment; hostile N-ACTIONs get their PS3.7 statuses and
 * the server goes on serving, 100,000 references included.
 */
class CommitmentScpRequesterIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String SC = TestInstances.SECONDARY_CAPTURE;

    @Test
    void theOrthancBookSampleCommitsWhatStorescuStored(@TempDir Path dir) throws Exception {
        int port = Ports.freePort();
        int requesterPort = Ports.freePort();
        Path file = TestInstances.secondaryCapture(dir.resolve("in"), "book", 1, 8, 3).get(0);
        Part10 p = Part10.read(file);
        SopReference ref = new SopReference(p.sopClassUid(), p.sopInstanceUid());
        try (ArchiveServer server = new ArchiveServer(dir, "\"DicomPort\": " + port
                + ", \"DicomModalities\": {\"storage-commitment\": [\"STGCMTSCU\", \"127.0.0.1\", " + requesterPort + "]}");
             CommitmentRequester modality = new CommitmentRequester("STGCMTSCU", requesterPort, WAIT)) {
            modality.listen();
            CommitmentReport before = report(modality.request(ArchiveServer.AET, port, List.of(ref)));
            assertThat(before.committed()).isEmpty();
            assertThat(before.failed()).singleElement().satisfies(f -> {
                assertThat(f.reference()).isEqualTo(ref);
                assertThat(f.reason().code()).isEqualTo(274);
            });
            assertThat(before.retrieveAeTitle()).isEqualTo(ArchiveServer.AET);

            Tools.run(List.of("storescu", "-aet", "STGCMTSCU", "-aec", ArchiveServer.AET, "127.0.0.1",
                    String.valueOf(port), file.toString())).requireSuccess("storescu");
            CommitmentReport after = report(modality.request(ArchiveServer.AET, port, List.of(ref)));
            assertThat(after.failed()).isEmpty();
            assertThat(after.committed()).containsExactly(ref);
            assertThat(after.eventTypeId()).isEqualTo(StorageCommitment.EVENT_TYPE_SUCCESSFUL);
        }
    }

    @Test
    void aReportWhoseRequesterIsNotListeningIsRetriedUntilItIs(@TempDir Path dir) throws Exception {
        int port = Ports.freePort();
        int requesterPort = Ports.freePort();
        try (ArchiveServer server = new ArchiveServer(dir, "\"DicomPort\": " + port
                + ", \"StorageCommitmentRetryInitialDelay\": 200, \"StorageCommitmentRetryMaximumDelay\": 2000"
                + ", \"DicomModalities\": {\"m\": [\"STGCMTSCU\", \"127.0.0.1\", " + requesterPort + "]}");
             CommitmentRequester modality = new CommitmentRequester("STGCMTSCU", requesterPort, WAIT)) {
            long t0 = System.nanoTime();
            Commitment c = modality.request(ArchiveServer.AET, port, List.of(new SopReference(SC, "1.2.3.4.5")));
            assertThat(c.response().get(30, TimeUnit.SECONDS).status().isSuccess()).isTrue();
            JsonNode retrying = Awaitility.await("job in Retry").atMost(WAIT).pollInterval(Duration.ofMillis(100))
                    .until(() -> CommitmentScpOrthancIT.lastCommitmentJob(server.httpPort()),
                            j -> j != null && j.get("State").asText().equals("Retry")
                                    && j.get("Content").get("DeliveryAttempts").asInt() >= 3);
            assertThat(retrying.get("Content").get("LastError").asText()).contains("127.0.0.1:" + requesterPort);
            Awaitility.await().atLeast(Duration.ZERO).atMost(WAIT).until(() -> System.nanoTime() - t0 > 15e9);
            modality.listen();
            CommitmentReport report = report(c);
            assertThat(report.failed()).singleElement().satisfies(f -> assertThat(f.reason().code()).isEqualTo(0x0112));
            JsonNode done = CommitmentScpOrthancIT.commitmentJob(server.httpPort());
            assertThat(done.get("State").asText()).isEqualTo("Success");
            assertThat(done.get("Content").get("DeliveryAttempts").asInt()).isGreaterThan(3);
            assertThat(modality.reportsReceived.get()).isEqualTo(1);
        }
    }

    @Test
    void anInstanceStillArrivingOnAnOpenAssociationIsWaitedFor(@TempDir Path dir) throws Exception {
        int port = Ports.freePort();
        int requesterPort = Ports.freePort();
        List<Path> files = TestInstances.ct(dir.resolve("in"), 2, 0.004); // the Scu proposes CT Image Storage
        SopReference first = ref(files.get(0));
        SopReference last = ref(files.get(1));
        try (ArchiveServer server = new ArchiveServer(dir, "\"DicomPort\": " + port
                + ", \"StorageCommitmentInFlightGrace\": 60"
                + ", \"DicomModalities\": {\"m\": [\"STGCMTSCU\", \"127.0.0.1\", " + requesterPort + "]}");
             CommitmentRequester modality = new CommitmentRequester("STGCMTSCU", requesterPort, WAIT);
             Scu images = new Scu("STGCMTSCU")) {
            modality.listen();
            DicomConnection storing = images.connect(port, ArchiveServer.AET);
            assertThat(storing.store(files.get(0)).get(30, TimeUnit.SECONDS).status().isSuccess()).isTrue();
            Commitment c = modality.request(ArchiveServer.AET, port, List.of(first, last));
            assertThat(c.response().get(30, TimeUnit.SECONDS).status().isSuccess()).isTrue();
            JsonNode waiting = Awaitility.await("job waiting for the stores").atMost(WAIT)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> CommitmentScpOrthancIT.lastCommitmentJob(server.httpPort()),
                            j -> j != null && j.get("State").asText().equals("Running"));
            assertThat(waiting.get("Content").get("Checked").asInt()).isZero();
            assertThat(c.report().isDone()).isFalse();
            assertThat(storing.store(files.get(1)).get(30, TimeUnit.SECONDS).status().isSuccess()).isTrue();
            storing.release();
            CommitmentReport report = report(c);
            assertThat(report.failed()).isEmpty();
            assertThat(report.committed()).containsExactly(first, last);
        }
    }

    @Test
    void theReportGoesOnTheRequestsOwnAssociationWhenTheModalityAsksForIt(@TempDir Path dir) throws Exception {
        int port = Ports.freePort();
        int requesterPort = Ports.freePort();
        try (ArchiveServer server = new ArchiveServer(dir, "\"DicomPort\": " + port
                + ", \"DicomModalities\": {\"m\": {\"AET\": \"STGCMTSCU\", \"Host\": \"127.0.0.1\", \"Port\": "
                + requesterPort + ", \"StorageCommitmentReportOnSameAssociation\": true}}");
             CommitmentRequester modality = new CommitmentRequester("STGCMTSCU", requesterPort, WAIT,
                     Duration.ofSeconds(30))) {
            // no listener: the report can only arrive on the request's association
            CommitmentReport report = report(modality.request(ArchiveServer.AET, port,
                    List.of(new SopReference(SC, "1.2.3.4.7"))));
            assertThat(report.failed()).hasSize(1);
            JsonNode job = CommitmentScpOrthancIT.commitmentJob(server.httpPort());
            assertThat(job.get("State").asText()).isEqualTo("Success");
            assertThat(job.get("Content").get("DeliveryAttempts").asInt()).isEqualTo(1);
        }
    }

    static SopReference ref(Path file) throws Exception {
        Part10 p = Part10.read(file);
        return new SopReference(p.sopClassUid(), p.sopInstanceUid());
    }

    @Test
    void strangersAndHostileRequestsGetReadableStatusesAndTheServerGoesOn(@TempDir Path dir) throws Exception {
        int port = Ports.freePort();
        int requesterPort = Ports.freePort();
        try (ArchiveServer server = new ArchiveServer(dir, "\"DicomPort\": " + port
                + ", \"DicomModalities\": {\"m\": [\"STGCMTSCU\", \"127.0.0.1\", " + requesterPort + "],"
                + " \"noscp\": {\"AET\": \"NOCOMMIT\", \"Host\": \"127.0.0.1\", \"Port\": " + requesterPort
                + ", \"AllowStorageCommitment\": false}}");
             CommitmentRequester modality = new CommitmentRequester("STGCMTSCU", requesterPort, WAIT);
             CommitmentRequester stranger = new CommitmentRequester("STRANGER", Ports.freePort(), WAIT);
             CommitmentRequester forbidden = new CommitmentRequester("NOCOMMIT", Ports.freePort(), WAIT)) {
            modality.listen();
            SopReference ref = new SopReference(SC, "1.2.3.4.6");
            assertRefused(stranger.request(ArchiveServer.AET, port, List.of(ref)), "not a known modality");
            assertRefused(forbidden.request(ArchiveServer.AET, port, List.of(ref)), "not allowed");

            try (DicomConnection c = modality.connect(ArchiveServer.AET, port)) {
                String tx = CommitmentRequester.newUid();
                assertStatus(c, 1, StorageCommitment.SOP_INSTANCE_UID, request(tx, 1), 0x0000);
                assertStatus(c, 2, StorageCommitment.SOP_INSTANCE_UID, request(tx, 1), 0x0123);
                assertStatus(c, 1, "1.2.3.4", request(tx, 1), 0x0112);
                assertStatus(c, 1, StorageCommitment.SOP_INSTANCE_UID, new DataSet()
                        .setSequence(Tag.ReferencedSOPSequence, List.of(item(0))), 0x0115);
                assertStatus(c, 1, StorageCommitment.SOP_INSTANCE_UID, new DataSet()
                        .setString(Tag.TransactionUID, VR.UI, "not..a.uid")
                        .setSequence(Tag.ReferencedSOPSequence, List.of(item(0))), 0x0115);
                assertStatus(c, 1, StorageCommitment.SOP_INSTANCE_UID, request(tx, 0), 0x0115);
                assertStatus(c, 1, StorageCommitment.SOP_INSTANCE_UID, new DataSet()
                        .setString(Tag.TransactionUID, VR.UI, tx)
                        .setString(Tag.ReferencedSOPSequence, VR.UI, "1.2.3"), 0x0212);
                assertStatus(c, 1, StorageCommitment.SOP_INSTANCE_UID, new DataSet()
                        .setString(Tag.TransactionUID, VR.UI, tx)
                        .setSequence(Tag.ReferencedSOPSequence, List.of(new DataSet()
                                .setString(Tag.ReferencedSOPClassUID, VR.UI, SC))), 0x0115);
                NActionRsp garbage = c.nAction(StorageCommitment.SOP_CLASS_UID, StorageCommitment.SOP_INSTANCE_UID, 1,
                        (out, ts) -> out.write(new byte[] {(byte) 0xFF, 0x7F, 0x00, 0x10, 'Z', 'Z', 9, 9, 1, 2, 3}))
                        .get(30, TimeUnit.SECONDS);
                assertThat(garbage.status().code()).isEqualTo(0x0110);
                assertStatus(c, 1, StorageCommitment.SOP_INSTANCE_UID, request(CommitmentRequester.newUid(), 100_001),
                        0x0213);
                c.release();
            }
            List<SopReference> many = new ArrayList<>();
            for (int i = 0; i < 100_000; i++) {
                many.add(new SopReference(SC, "1.2.826.0.1.3680043.10.1137.77." + i));
            }
            long t0 = System.nanoTime();
            CommitmentReport big = report(modality.request(ArchiveServer.AET, port, many));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(big.failed()).hasSize(100_000);
            assertThat(big.failed().get(99_999).reference()).isEqualTo(many.get(99_999));
            System.out.println("100,000 references: N-ACTION to N-EVENT-REPORT in " + ms + " ms");
            // the refused requests left the server serving:
            CommitmentReport last = report(modality.request(ArchiveServer.AET, port, List.of(ref)));
            assertThat(last.failed()).hasSize(1);
            // the hand-made request's report matched nothing at the modality, which refused it (0115H)
            // three times: that job failed, naming the status
            JsonNode refused = Awaitility.await().atMost(WAIT).until(() -> jobs(server.httpPort()).stream()
                    .filter(j -> j.get("State").asText().equals("Failure")).findFirst().orElse(null), j -> j != null);
            assertThat(refused.get("ErrorDetails").asText()).contains("0115H");
            assertThat(refused.get("Content").get("DeliveryAttempts").asInt()).isEqualTo(3);
        }
    }

    static List<JsonNode> jobs(int http) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(dev.custodian.interop.support.Http.get(http, "/jobs?expand").body()).forEach(out::add);
        return out;
    }

    static DataSet request(String tx, int count) {
        List<DataSet> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(item(i));
        }
        return new DataSet().setString(Tag.TransactionUID, VR.UI, tx).setSequence(Tag.ReferencedSOPSequence, items);
    }

    static DataSet item(int i) {
        return new DataSet().setString(Tag.ReferencedSOPClassUID, VR.UI, SC)
                .setString(Tag.ReferencedSOPInstanceUID, VR.UI, "1.2.826.0.1.3680043.10.1137.88." + i);
    }

    static void assertStatus(DicomConnection c, int actionType, String instance, DataSet ds, int expected)
            throws Exception {
        NActionRsp rsp = c.nAction(StorageCommitment.SOP_CLASS_UID, instance, actionType,
                (out, ts) -> out.write(DicomWriter.toBytes(ds, TransferSyntax.of(ts)))).get(60, TimeUnit.SECONDS);
        assertThat(rsp.status().code()).as(rsp.status().toString()).isEqualTo(expected);
    }

    static void assertRefused(Commitment c, String comment) throws Exception {
        NActionRsp rsp = c.response().get(30, TimeUnit.SECONDS);
        assertThat(rsp.status().code()).isEqualTo(0x0124);
        assertThat(rsp.status().errorComment()).contains(comment);
    }

    static CommitmentReport report(Commitment c) throws Exception {
        return c.report().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
}
