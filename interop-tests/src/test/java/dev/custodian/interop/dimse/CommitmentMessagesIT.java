package dev.custodian.interop.dimse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.custodian.interop.support.NamedThreads;
import dev.custodian.net.dimse.DimseFailure;
import dev.custodian.net.dimse.NActionRsp;
import dev.custodian.net.dimse.NEventReportRsp;
import dev.custodian.net.dimse.Status;
import dev.custodian.net.service.DicomClient;
import dev.custodian.net.service.DicomConnection;
import dev.custodian.net.service.DicomServer;
import dev.custodian.net.service.DicomServerConfig;
import dev.custodian.net.service.DimseThreads;
import dev.custodian.net.service.ServiceRegistry;
import dev.custodian.net.transport.AcceptorConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The DIMSE messages of Storage Commitment Push Model (PS3.4 Annex J) between our SCU and our
 * SCP over TCP: N-ACTION-RQ, then the N-EVENT-REPORT-RQ on the same association (arriving before
 * the N-ACTION-RSP), or on a new association the SCP requests with the SCP role (PS3.7 §D.3.3.4).
 */
class CommitmentMessagesIT {
    static final String STGCMT = "1.2.840.10008.1.20.1";
    static final String STGCMT_INSTANCE = "1.2.840.10008.1.20.1.1";
    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";

    /** Only its threads are used: no C-STORE service is started. */
    private final DimseFixture fixture = new DimseFixture(Path.of("unused"));
    private final List<String> events = new CopyOnWriteArrayList<>();
    private DicomServer archive;
    private DicomServer modality;

    @AfterEach
    void stop() {
        if (archive != null) {
            archive.close();
        }
        if (modality != null) {
            modality.close();
        }
        fixture.close();
    }

    private DicomServer server(String aet, ServiceRegistry registry) throws Exception {
        AcceptorConfig ac = new AcceptorConfig("127.0.0.1", 0, 4, DimseFixture.settings(16_384), null);
        return DicomServer.start(DicomServerConfig.of(aet, ac, DimseFixture.DIMSE_TIMEOUT), registry,
                new DimseThreads(fixture.runtime, new NamedThreads("cmt-acceptor")));
    }

    @Test
    void reportOnTheSameAssociationArrivesBeforeTheActionResponse() throws Exception {
        CompletableFuture<CompletableFuture<NEventReportRsp>> reportSent = new CompletableFuture<>();
        archive = server("ARCHIVE", ServiceRegistry.builder()
                .action(STGCMT, (ctx, rq, info) -> {
                    String refs = new String(info.readAllBytes(), StandardCharsets.US_ASCII);
                    events.add("archive got action " + rq.actionTypeId() + " " + refs + " in " + ctx.transferSyntax());
                    reportSent.complete(new DicomConnection(ctx.session()).nEventReport(STGCMT, STGCMT_INSTANCE, 1,
                            (out, ts) -> out.write(("report for " + refs).getBytes(StandardCharsets.US_ASCII))));
                    return Status.SUCCESS;
                }).build());
        DicomClient client = new DicomClient("MODALITY", dev.custodian.net.transport.RequestorConfig.plain(
                DimseFixture.settings(16_384), Duration.ofSeconds(10), Duration.ofSeconds(10)),
                DimseFixture.DIMSE_TIMEOUT, ServiceRegistry.builder().eventReport(STGCMT, (ctx, rq, info) -> {
                    events.add("modality got event " + rq.eventTypeId() + " "
                            + new String(info.readAllBytes(), StandardCharsets.US_ASCII));
                    return Status.SUCCESS;
                }).build(), fixture.runtime);

        try (DicomConnection c = client.connect("127.0.0.1", archive.port(),
                client.propose("ARCHIVE").context(STGCMT, EXPLICIT_LE).build())) {
            NActionRsp rsp = c.nAction(STGCMT, STGCMT_INSTANCE, 1,
                    (out, ts) -> out.write("refs-1234".getBytes(StandardCharsets.US_ASCII))).get(30, TimeUnit.SECONDS);
            assertThat(rsp.status().isSuccess()).isTrue();
            assertThat(rsp.affectedSopInstanceUid()).isEqualTo(STGCMT_INSTANCE);
            assertThat(reportSent.get(30, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS).status().isSuccess()).isTrue();
            // Later, e.g. from a job: the archive finds the modality's association and reports on it.
            List<DicomConnection> toModality = archive.connectionsTo("MODALITY");
            assertThat(toModality).hasSize(1);
            assertThat(toModality.get(0).nEventReport(STGCMT, STGCMT_INSTANCE, 2, null).get(30, TimeUnit.SECONDS)
                    .status().isSuccess()).isTrue();
        }
        assertThat(events).containsExactly("archive got action 1 refs-1234 in " + EXPLICIT_LE,
                "modality got event 1 report for refs-1234", "modality got event 2 ");
        await().atMost(Duration.ofSeconds(20)).until(() -> archive.connectionsTo("MODALITY").isEmpty());
    }

    @Test
    void reportOnANewAssociationWithTheScpRole() throws Exception {
        modality = server("MODALITY", ServiceRegistry.builder().eventReport(STGCMT, (ctx, rq, info) -> {
            events.add("modality got event " + rq.eventTypeId() + " from " + ctx.remoteAet() + ": "
                    + new String(info.readAllBytes(), StandardCharsets.US_ASCII));
            if (rq.eventTypeId() == 9) {
                throw new DimseFailure(Status.NO_SUCH_EVENT_TYPE, "event 9");
            }
            return Status.SUCCESS;
        }).build());
        DicomClient archiveClient = new DicomClient("ARCHIVE", dev.custodian.net.transport.RequestorConfig.plain(
                DimseFixture.settings(16_384), Duration.ofSeconds(10), Duration.ofSeconds(10)),
                DimseFixture.DIMSE_TIMEOUT, ServiceRegistry.builder().build(), fixture.runtime);

        try (DicomConnection c = archiveClient.connect("127.0.0.1", modality.port(),
                archiveClient.propose("MODALITY").context(STGCMT, EXPLICIT_LE).role(STGCMT, false, true).build())) {
            NEventReportRsp ok = c.nEventReport(STGCMT, STGCMT_INSTANCE, 2,
                    (out, ts) -> out.write("some failed".getBytes(StandardCharsets.US_ASCII))).get(30, TimeUnit.SECONDS);
            assertThat(ok.status().isSuccess()).isTrue();
            assertThat(ok.eventTypeId()).isEqualTo(2);
            NEventReportRsp refused = c.nEventReport(STGCMT, STGCMT_INSTANCE, 9, null).get(30, TimeUnit.SECONDS);
            assertThat(refused.status().code()).isEqualTo(0x0113);
            assertThat(refused.status().errorComment()).isEqualTo("event 9");
        }
        assertThat(events).containsExactly("modality got event 2 from ARCHIVE: some failed",
                "modality got event 9 from ARCHIVE: ");
    }
}
