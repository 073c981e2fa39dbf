package dev.custodian.interop.stgcmt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodian.interop.support.Orthanc;
import dev.custodian.net.dimse.AssociationChannel;
import dev.custodian.net.dimse.NEventReportRsp;
import dev.custodian.net.dimse.Status;
import dev.custodian.stgcmt.ActionInformationCodec;
import dev.custodian.stgcmt.CommitmentReport;
import dev.custodian.stgcmt.FailureReason;
import dev.custodian.stgcmt.RemoteAe;
import dev.custodian.stgcmt.SopReference;
import dev.custodian.stgcmt.StorageCommitmentScp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Orthanc as the Storage Commitment SCU against a minimal SCP of ours (PS3.4 §J.3): Orthanc's REST
 * {@code POST /modalities/{id}/storage-commitment} sends the N-ACTION; our SCP answers Success,
 * then, once Orthanc has released that association, delivers the result on a new association to
 * Orthanc's DICOM port where we take the SCP role ({@link dev.custodian.stgcmt.EventReportSender});
 * {@code GET /storage-commitment/{id}} shows what Orthanc understood.
 */
class OrthancScuIT {
    @TempDir
    static Path dir;
    static CommitmentPeer peer;
    static Orthanc orthanc;
    static RemoteAe orthancAe;
    /** The SOP instances our SCP holds. */
    static final Set<String> stored = ConcurrentHashMap.newKeySet();
    /** Per Transaction UID: the N-EVENT-REPORT-RSP Orthanc gave our SCP. */
    static final Map<String, CompletableFuture<NEventReportRsp>> delivered = new ConcurrentHashMap<>();
    /** Per Transaction UID: the result our SCP sent. */
    static final Map<String, CommitmentReport> sent = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        peer = new CommitmentPeer(testScp(), Duration.ZERO);
        orthanc = Orthanc.start(dir, peer.orthancModalities());
        orthancAe = new RemoteAe(Orthanc.AET, "127.0.0.1", orthanc.dicomPort());
    }

    @AfterAll
    static void stop() {
        if (orthanc != null) {
            orthanc.close("scu");
        }
        if (peer != null) {
            peer.close();
        }
    }

    /**
     * Our SCP: {@link StorageCommitmentScp} with a listener that checks each reference against
     * {@link #stored} and delivers the result once the N-ACTION association has ended.
     */
    static StorageCommitmentScp testScp() {
        return new StorageCommitmentScp(new ActionInformationCodec(1000), (request, origin) -> {
            Map<SopReference, FailureReason> failures = new HashMap<>();
            request.references().stream().filter(r -> !stored.contains(r.sopInstanceUid()))
                    .forEach(r -> failures.put(r, FailureReason.NO_SUCH_OBJECT_INSTANCE));
            CommitmentReport report = CommitmentReport.of(request, CommitmentPeer.AET, failures);
            sent.put(request.transactionUid(), report);
            CompletableFuture<NEventReportRsp> done = delivered.computeIfAbsent(request.transactionUid(),
                    tx -> new CompletableFuture<>());
            ((AssociationChannel) origin.session().channel()).association().closeFuture()
                    .thenRunAsync(() -> deliver(report, done), peer.workers);
        });
    }

    /** Sends {@code report} to Orthanc on a new association; {@code done} gets the N-EVENT-REPORT-RSP. */
    private static void deliver(CommitmentReport report, CompletableFuture<NEventReportRsp> done) {
        try {
            peer.sender.send(peer.client, orthancAe, report).whenComplete((r, t) -> {
                if (t != null) {
                    done.completeExceptionally(t);
                } else {
                    done.complete(r);
                }
            });
        } catch (Exception e) {
            done.completeExceptionally(e);
        }
    }

    private List<SopReference> uploaded(int count) throws Exception {
        return peer.uploadTo(orthanc, "STGCMT-SCU", count);
    }

    private static List<String[]> pairs(List<SopReference> refs) {
        return refs.stream().map(r -> new String[] {r.sopClassUid(), r.sopInstanceUid()}).toList();
    }

    /** Waits until Orthanc's report for {@code id} is no longer Pending. */
    private static JsonNode finalReport(String id) {
        return Awaitility.await("Orthanc storage commitment report " + id).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> orthanc.get("/storage-commitment/" + id), r -> !r.get("Status").asText().equals("Pending"));
    }

    @Test
    void allStoredGivesEventType1AndOrthancShowsSuccess() throws Exception {
        List<SopReference> refs = uploaded(3);
        peer.observed.clear();
        refs.forEach(r -> stored.add(r.sopInstanceUid()));

        String id = orthanc.requestStorageCommitment("custodian", pairs(refs));

        NEventReportRsp rsp = delivered.computeIfAbsent(id, tx -> new CompletableFuture<>()).get(60, TimeUnit.SECONDS);
        assertThat(rsp.status().isSuccess()).as("N-EVENT-REPORT-RSP %s", rsp.status()).isTrue();
        assertThat(sent.get(id).eventTypeId()).isEqualTo(1);
        JsonNode report = finalReport(id);
        // Orthanc 1.10.1 as SCU proposes no role selection: the defaults (it SCU, we SCP).
        assertThat(peer.observed).containsExactly("N-ACTION requested by the peer, proposed none, answered none");
        assertThat(report.get("Status").asText()).isEqualTo("Success");
        assertThat(report.get("RemoteAET").asText()).isEqualTo(CommitmentPeer.AET);
        assertThat(instanceUids(report.get("Success"))).containsExactlyInAnyOrderElementsOf(
                refs.stream().map(SopReference::sopInstanceUid).toList());
        assertThat(report.get("Failures")).isEmpty();
    }

    @Test
    void anUnknownInstanceGivesEventType2AndOrthancShowsTheFailureReason() throws Exception {
        List<SopReference> refs = uploaded(3);
        refs.subList(0, 2).forEach(r -> stored.add(r.sopInstanceUid()));
        SopReference unknown = refs.get(2);

        String id = orthanc.requestStorageCommitment("custodian", pairs(refs));

        NEventReportRsp rsp = delivered.computeIfAbsent(id, tx -> new CompletableFuture<>()).get(60, TimeUnit.SECONDS);
        assertThat(rsp.status().isSuccess()).as("N-EVENT-REPORT-RSP %s", rsp.status()).isTrue();
        assertThat(sent.get(id).eventTypeId()).isEqualTo(2);
        JsonNode report = finalReport(id);
        assertThat(report.get("Status").asText()).isEqualTo("Failure");
        assertThat(instanceUids(report.get("Success"))).containsExactlyInAnyOrder(
                refs.get(0).sopInstanceUid(), refs.get(1).sopInstanceUid());
        assertThat(report.get("Failures")).hasSize(1);
        JsonNode failure = report.get("Failures").get(0);
        assertThat(failure.get("SOPInstanceUID").asText()).isEqualTo(unknown.sopInstanceUid());
        assertThat(failure.get("SOPClassUID").asText()).isEqualTo(unknown.sopClassUid());
        assertThat(failure.get("FailureReason").asInt()).isEqualTo(0x0112);
    }

    /**
     * Orthanc 1.10.1 takes a result whose Transaction UID it never sent, answers Success and
     * records it under that UID, attributed to the calling AE: a Success RSP proves nothing.
     */
    @Test
    void resultOfAnUnknownTransactionIsAcceptedAndRecorded() throws Exception {
        CommitmentReport report = new CommitmentReport(peer.uids.newUid(), null, List.of(peer.newReference()), List.of());

        NEventReportRsp rsp = peer.sender.send(peer.client, orthancAe, report).get(60, TimeUnit.SECONDS);

        assertThat(rsp.status()).isEqualTo(Status.SUCCESS);
        assertThat(orthanc.logLines("storage commitment report, with transaction UID: " + report.transactionUid()))
                .hasSize(1);
        JsonNode kept = orthanc.get("/storage-commitment/" + report.transactionUid());
        assertThat(kept.get("Status").asText()).isEqualTo("Success");
        assertThat(kept.get("RemoteAET").asText()).isEqualTo(CommitmentPeer.AET);
        assertThat(instanceUids(kept.get("Success"))).containsExactly(report.committed().get(0).sopInstanceUid());
    }

    private static List<String> instanceUids(JsonNode array) {
        List<String> uids = new ArrayList<>();
        array.forEach(n -> uids.add(n.get("SOPInstanceUID").asText()));
        return uids;
    }
}
