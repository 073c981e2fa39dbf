package dev.custodian.interop.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.dicom.dict.Uid;
import dev.custodian.interop.support.Http;
import dev.custodian.interop.support.LogCapture;
import dev.custodian.interop.support.Part10;
import dev.custodian.interop.support.Ports;
import dev.custodian.interop.support.TestFiles;
import dev.custodian.interop.support.Tools;
import dev.custodian.net.dimse.Status;
import dev.custodian.net.service.DicomConnection;
import dev.custodian.stgcmt.Commitment;
import dev.custodian.stgcmt.CommitmentReport;
import dev.custodian.stgcmt.FailedReference;
import dev.custodian.stgcmt.FailureReason;
import dev.custodian.stgcmt.SopReference;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's disk-full drill during a commitment job. Storage area and SQLite index are on a real
 * 8 MB tmpfs mounted by the test (CI runs as root; where mounting is refused the test fails, it
 * does not skip). A modality stores 20 instances and asks for them and one it never sent while its
 * storing association is still open, so the job waits (in-flight grace); the volume is filled to
 * its last page; then the association ends and the job checks with the Checksum check and owes a
 * report to a modality that is not listening. While the disk is full: a C-STORE is A700, a new
 * N-ACTION is refused with 0213H once SQLite's log has no slack left (nothing saved, one WARN
 * line; requests it could still save are accepted and owe their reports too); the job either retries with its
 * last error in {@code GET /jobs/{id}} (when the index still takes its small writes) or, when even
 * its state cannot be saved, stays Running, logged once, until writes return; failing WAL
 * checkpoints and claims are logged once, not at every tick. Once space returns, without a restart: the report owed is delivered, once,
 * committing exactly the 20 held instances and failing the other with 0112H; the stored instances
 * are byte for byte what was sent; a new C-STORE and a new commitment succeed.
 */
class DiskFullCommitmentIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final String REQUESTER = "FULLCMT";
    /** Within the jobs lease (30 s), after which a job whose state could not be saved is taken up again. */
    private static final Duration REPORT_AFTER = Duration.ofSeconds(90);

    @Test
    void aCommitmentJobMeetingAFullDiskLosesNothingAndDeliversItsReportWhenSpaceReturns(@TempDir Path dir)
            throws Exception {
        Path mount = Files.createDirectories(dir.resolve("storage"));
        Tools.run(LIMIT, "mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", mount.toString())
                .requireSuccess("mount -t tmpfs (the drill needs root, as CI has)");
        int requesterPort = Ports.freePort();
        DrillInstances maker = new DrillInstances(13, new Random(13), 48);
        Path filler = mount.resolve("filler");
        try (LogCapture log = new LogCapture();
             ArchiveServer server = new ArchiveServer(dir, "\"StorageCommitmentCheck\": \"Checksum\", "
                     + "\"StorageCommitmentRetryInitialDelay\": 200, \"StorageCommitmentRetryMaximumDelay\": 1000, "
                     + "\"DicomModalities\": {\"m\": [\"" + REQUESTER + "\", \"127.0.0.1\", " + requesterPort + "]}");
             CommitmentRequester modality = new CommitmentRequester(REQUESTER, requesterPort, LIMIT);
             Scu scu = new Scu(REQUESTER)) {
            int http = server.httpPort();
            DicomConnection storing = scu.connect(server.dicomPort(), ArchiveServer.AET);
            Map<String, byte[]> sent = new HashMap<>();
            List<SopReference> refs = new ArrayList<>();
            for (int n = 1; n <= 20; n++) {
                DrillInstances.Instance i = maker.make(1, 1, n);
                assertThat(store(storing, i)).isEqualTo(Status.SUCCESS.code());
                sent.put(i.sopInstanceUid(), i.dataSet());
                refs.add(new SopReference(Scu.CT, i.sopInstanceUid()));
            }
            SopReference neverSent = new SopReference(Scu.CT, maker.make(1, 9, 1).sopInstanceUid());
            List<SopReference> asked = new ArrayList<>(refs);
            asked.add(neverSent);
            Commitment owed = modality.request(ArchiveServer.AET, server.dicomPort(), asked);
            assertThat(owed.response().get(30, TimeUnit.SECONDS).status().isSuccess()).isTrue();
            String job = commitmentJobIds(http).get(0);
            assertThat(job(http, job).get("Content").get("Checked").asInt()).as("waiting for the storing association")
                    .isZero();

            long filled = fill(filler);
            assertThat(store(storing, maker.make(1, 1, 21))).as("C-STORE on a full disk").isEqualTo(0xA700);
            storing.release();

            // Either the index still records the job's state (Retry with LastError: a refused report
            // or refused rows), or it cannot (the worker logs that it could not save it; the job
            // stays Running until writes return, then its lease expires and it is taken up again).
            Awaitility.await("the job meets the full disk or the absent modality").atMost(LIMIT)
                    .pollInterval(Duration.ofMillis(100)).until(() -> {
                        JsonNode j = job(http, job);
                        return j.get("State").asText().equals("Retry")
                                && !j.get("Content").get("LastError").asText().isBlank()
                                || !log.messages("cannot put it back to Pending").isEmpty();
                    });
            JsonNode whileFull = job(http, job);
            System.out.println("DiskFullCommitmentIT: volume full (" + filled + " bytes of filler); the job: "
                    + whileFull.get("State").asText() + ", " + whileFull.get("Content").get("Description").asText()
                    + ", LastError: " + whileFull.get("Content").get("LastError").asText());
            assertThat(whileFull.get("State").asText()).isIn("Retry", "Running");

            // A new request needs new pages; SQLite may still fit one or two into its log's slack:
            // those are accepted and owe their reports too, until one cannot be saved.
            List<Commitment> accepted = new ArrayList<>();
            int refusal = 0;
            for (int k = 0; k < 10 && refusal == 0; k++) {
                List<SopReference> many = new ArrayList<>(asked);
                for (int n = 0; n < 5_000; n++) {
                    many.add(new SopReference(Scu.CT, "1.2.826.0.1.3680043.10.1137.404." + k + "." + n));
                }
                Commitment c = modality.request(ArchiveServer.AET, server.dicomPort(), many);
                int status = c.response().get(30, TimeUnit.SECONDS).status().code();
                if (status == 0) {
                    accepted.add(c);
                } else {
                    refusal = status;
                }
            }
            assertThat(refusal).as("an N-ACTION that cannot be saved").isEqualTo(0x0213);
            assertThat(commitmentJobIds(http)).as("nothing saved for it").hasSize(1 + accepted.size());
            assertThat(log.warnings()).filteredOn(w -> w.contains("could not be saved")).singleElement()
                    .satisfies(w -> assertThat(w).contains("full"));
            assertHeldAndIntact(http, sent);

            Files.delete(filler);
            modality.listen();
            CommitmentReport report = owed.report().get(REPORT_AFTER.toSeconds(), TimeUnit.SECONDS);
            assertThat(report.committed()).containsExactlyElementsOf(refs);
            assertThat(report.failed()).extracting(FailedReference::reference).containsExactly(neverSent);
            assertThat(report.failed()).extracting(FailedReference::reason)
                    .containsOnly(FailureReason.NO_SUCH_OBJECT_INSTANCE);
            Awaitility.await("the job ends").atMost(LIMIT).pollInterval(Duration.ofMillis(100))
                    .until(() -> job(http, job).get("State").asText().equals("Success"));
            for (Commitment c : accepted) {
                CommitmentReport r = c.report().get(REPORT_AFTER.toSeconds(), TimeUnit.SECONDS);
                assertThat(r.committed()).containsExactlyElementsOf(refs);
                assertThat(r.failed()).hasSize(5_001).extracting(FailedReference::reason)
                        .containsOnly(FailureReason.NO_SUCH_OBJECT_INSTANCE);
            }
            assertThat(modality.reportsReceived.get()).as("each report owed, once").isEqualTo(1 + accepted.size());
            System.out.println("DiskFullCommitmentIT: " + accepted.size() + " N-ACTION(s) still accepted on the full "
                    + "volume, then 0213H; " + modality.reportsReceived.get() + " report(s) delivered after space returned");

            DrillInstances.Instance after = maker.make(2, 1, 1);
            try (Scu again = new Scu(REQUESTER)) {
                DicomConnection c = again.connect(server.dicomPort(), ArchiveServer.AET);
                assertThat(store(c, after)).as("C-STORE once space returned, no restart")
                        .isEqualTo(Status.SUCCESS.code());
                c.release();
            }
            sent.put(after.sopInstanceUid(), after.dataSet());
            assertHeldAndIntact(http, sent);
            SopReference afterRef = new SopReference(Scu.CT, after.sopInstanceUid());
            Commitment resumed = modality.request(ArchiveServer.AET, server.dicomPort(), List.of(afterRef));
            assertThat(resumed.report().get(LIMIT.toSeconds(), TimeUnit.SECONDS).committed()).containsExactly(afterRef);
            assertThat(log.warnings()).as("failing WAL checkpoints and claims are logged once per episode, "
                    + "not at every tick").filteredOn(w -> w.contains("WAL checkpoint") || w.contains("look for work"))
                    .hasSizeLessThan(6);
        } finally {
            Tools.run(LIMIT, "umount", "-l", mount.toString());
        }
    }

    private static int store(DicomConnection c, DrillInstances.Instance i) throws Exception {
        return c.store(Scu.CT, i.sopInstanceUid(), Uid.ExplicitVRLittleEndian, out -> out.write(i.dataSet()))
                .get(30, TimeUnit.SECONDS).status().code();
    }

    private static JsonNode job(int http, String id) throws Exception {
        return JSON.readTree(Http.get(http, "/jobs/" + id).body());
    }

    private static List<String> commitmentJobIds(int http) throws Exception {
        List<String> ids = new ArrayList<>();
        for (JsonNode j : JSON.readTree(Http.get(http, "/jobs?expand").body())) {
            if (j.get("Type").asText().equals("StorageCommitmentScp")) {
                ids.add(j.get("ID").asText());
            }
        }
        return ids;
    }

    /** Exactly the instances of {@code sent} are indexed, each stored data set the bytes sent. */
    private static void assertHeldAndIntact(int http, Map<String, byte[]> sent) throws Exception {
        Map<String, String> held = new HashMap<>();
        for (String id : ArchiveIngestIT.ids(http, "/instances")) {
            var r = Http.getBytes(http, "/instances/" + id + "/file");
            assertThat(r.statusCode()).isEqualTo(200);
            Part10 p = Part10.of(r.body());
            held.put(p.sopInstanceUid(), TestFiles.sha256(p.dataSet()));
        }
        Map<String, String> expected = new HashMap<>();
        sent.forEach((uid, ds) -> expected.put(uid, TestFiles.sha256(ds)));
        assertThat(held).isEqualTo(expected);
    }

    /** Writes {@code file} until the volume has no page left; returns how many bytes went in. */
    private static long fill(Path file) throws IOException {
        long n = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int size : new int[] {64 * 1024, 4096, 512}) {
                byte[] block = new byte[size];
                try {
                    while (true) {
                        out.write(block);
                        n += size;
                    }
                } catch (IOException e) {
                    if (!String.valueOf(e.getMessage()).contains("No space left")) {
                        throw e;
                    }
                }
            }
        }
        return n;
    }
}
