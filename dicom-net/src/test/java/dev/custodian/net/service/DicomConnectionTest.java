package dev.custodian.net.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.net.dimse.AcceptedContext;
import dev.custodian.net.dimse.CStoreRsp;
import dev.custodian.net.dimse.DimseSession;
import dev.custodian.net.dimse.NActionRsp;
import dev.custodian.net.dimse.NoPresentationContextException;
import dev.custodian.net.dimse.Status;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SCU operations against an SCP built on the same layer, over an in-memory association. */
class DicomConnectionTest {
    private static final String VERIFICATION = "1.2.840.10008.1.1";
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private static final String STGCMT = "1.2.840.10008.1.20.1";
    private static final String STGCMT_INST = "1.2.840.10008.1.20.1.1";
    private static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    private static final List<AcceptedContext> CONTEXTS = List.of(
            new AcceptedContext(1, VERIFICATION, "1.2.840.10008.1.2"),
            new AcceptedContext(3, CT, EXPLICIT_LE),
            new AcceptedContext(5, STGCMT, EXPLICIT_LE));

    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final ExecutorService scuReader = Executors.newSingleThreadExecutor();
    private final ExecutorService scpReader = Executors.newSingleThreadExecutor();
    private final ByteArrayOutputStream stored = new ByteArrayOutputStream();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<CompletableFuture<?>> reportSent = new CompletableFuture<>();

    @AfterEach
    void stopWorkers() {
        workers.shutdownNow();
        scuReader.shutdownNow();
        scpReader.shutdownNow();
    }

    private DicomConnection connect() {
        LoopbackChannel scuEnd = new LoopbackChannel("SCU", "SCP", CONTEXTS, scpReader);
        LoopbackChannel scpEnd = new LoopbackChannel("SCP", "SCU", CONTEXTS, scuReader);
        ServiceRegistry scp = ServiceRegistry.builder().verification()
                .store((ctx, rq, data) -> {
                    data.transferTo(stored);
                    return Status.SUCCESS;
                }, List.of(CT))
                .action(STGCMT, (ctx, rq, info) -> {
                    events.add("action " + new String(info.readAllBytes()) + " in " + ctx.transferSyntax());
                    // The SCP reports on the same association before its N-ACTION-RSP is sent.
                    reportSent.complete(new DicomConnection(ctx.session())
                            .nEventReport(STGCMT, STGCMT_INST, 1, (out, ts) -> out.write("report".getBytes())));
                    return Status.SUCCESS;
                }).build();
        ServiceRegistry scu = ServiceRegistry.builder()
                .eventReport(STGCMT, (ctx, rq, info) -> {
                    events.add("event " + rq.eventTypeId() + " " + new String(info.readAllBytes()));
                    return Status.SUCCESS;
                }).build();
        DimseSession scuSession = new DimseSession(scuEnd, new ServiceDispatcher(scu), Duration.ofSeconds(5), workers);
        DimseSession scpSession = new DimseSession(scpEnd, new ServiceDispatcher(scp), Duration.ofSeconds(5), workers);
        scuEnd.connect(scpSession);
        scpEnd.connect(scuSession);
        return new DicomConnection(scuSession);
    }

    @Test
    void echoAndStore() throws Exception {
        DicomConnection c = connect();
        assertThat(c.echo().get(5, TimeUnit.SECONDS).status().isSuccess()).isTrue();
        CStoreRsp rsp = c.store(CT, "1.2.3", EXPLICIT_LE, out -> out.write(new byte[] {9, 8, 7, 6}))
                .get(5, TimeUnit.SECONDS);
        assertThat(rsp.status().isSuccess()).isTrue();
        assertThat(rsp.affectedSopInstanceUid()).isEqualTo("1.2.3");
        assertThat(stored.toByteArray()).containsExactly(9, 8, 7, 6);
    }

    @Test
    void storeWithoutMatchingContextFails() {
        DicomConnection c = connect();
        assertThatThrownBy(() -> c.store(CT, "1.2.3", "1.2.840.10008.1.2", out -> { }).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(NoPresentationContextException.class);
        assertThatThrownBy(() -> c.store("1.2.840.10008.5.1.4.1.1.4", "1.2.3", EXPLICIT_LE, out -> { })
                .get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(NoPresentationContextException.class);
    }

    @Test
    void eventReportArrivesOnTheActionsAssociationBeforeItsResponse() throws Exception {
        DicomConnection c = connect();
        NActionRsp rsp = c.nAction(STGCMT, STGCMT_INST, 1, (out, ts) -> out.write("refs".getBytes()))
                .get(5, TimeUnit.SECONDS);
        assertThat(rsp.status().isSuccess()).isTrue();
        assertThat(events).containsExactly("action refs in " + EXPLICIT_LE, "event 1 report");
        Object eventRsp = reportSent.get(5, TimeUnit.SECONDS).get(5, TimeUnit.SECONDS);
        assertThat(((dev.custodian.net.dimse.NEventReportRsp) eventRsp).status().isSuccess()).isTrue();
    }

    @Test
    void actionTheScpDoesNotPerformIsUnrecognized() throws Exception {
        DicomConnection c = connect();
        var rsp = c.nEventReport(STGCMT, STGCMT_INST, 1, null).get(5, TimeUnit.SECONDS);
        assertThat(rsp.status().code()).isEqualTo(Status.UNRECOGNIZED_OPERATION.code());
    }
}
