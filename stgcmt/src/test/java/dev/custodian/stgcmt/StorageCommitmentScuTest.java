package dev.custodian.stgcmt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.net.dimse.CommandCodec;
import dev.custodian.net.dimse.DimseFailure;
import dev.custodian.net.dimse.DimseSession;
import dev.custodian.net.dimse.NActionRq;
import dev.custodian.net.dimse.NActionRsp;
import dev.custodian.net.dimse.NEventReportRq;
import dev.custodian.net.dimse.RequestContext;
import dev.custodian.net.dimse.Status;
import dev.custodian.net.service.DicomConnection;
import dev.custodian.net.service.ServiceDispatcher;
import dev.custodian.net.service.ServiceRegistry;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The SCU's matching of results to requests, on an in-memory association. */
class StorageCommitmentScuTest {
    static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    static final SopReference A = new SopReference(CT, "1.2.3.1");
    static final SopReference B = new SopReference(CT, "1.2.3.2");
    static final String TS = RecordingChannel.CONTEXT.transferSyntax();

    private final ActionInformationCodec actionCodec = new ActionInformationCodec();
    private final EventInformationCodec eventCodec = new EventInformationCodec();
    private final List<String> unmatched = new CopyOnWriteArrayList<>();
    private final StorageCommitmentScu scu = new StorageCommitmentScu(actionCodec, eventCodec, Duration.ofSeconds(30),
            Duration.ZERO, (report, aet) -> unmatched.add(report.transactionUid() + " from " + aet), Runnable::run);
    private final RecordingChannel channel = new RecordingChannel();
    private final DimseSession session = new DimseSession(channel, new ServiceDispatcher(ServiceRegistry.builder()
            .eventReport(StorageCommitment.SOP_CLASS_UID, scu.eventReportHandler()).build()),
            Duration.ofSeconds(30));
    private final DicomConnection connection = new DicomConnection(session);

    private final CommitmentRequest request = new CommitmentRequest("1.2.9.100", List.of(A, B));

    @Test
    void sendsTheActionOfTableJ31OnTheWellKnownInstance() throws Exception {
        scu.request(connection, request);

        assertThat(channel.sent).hasSize(1);
        NActionRq rq = (NActionRq) channel.sent.get(0).message();
        assertThat(rq.requestedSopClassUid()).isEqualTo("1.2.840.10008.1.20.1");
        assertThat(rq.requestedSopInstanceUid()).isEqualTo("1.2.840.10008.1.20.1.1");
        assertThat(rq.actionTypeId()).isEqualTo(1);
        assertThat(actionCodec.read(new ByteArrayInputStream(channel.sent.get(0).data()), TS)).isEqualTo(request);
        assertThat(scu.pending()).isEqualTo(1);
    }

    @Test
    void reportBeforeTheActionResponseIsMatched() throws Exception {
        Commitment c = scu.request(connection, request);
        CommitmentReport report = CommitmentReport.of(request, "ARCHIVE", Map.of(B, FailureReason.NO_SUCH_OBJECT_INSTANCE));

        Status answered = deliver(report, report.eventTypeId());
        assertThat(answered).isEqualTo(Status.SUCCESS);
        assertThat(c.report()).isCompletedWithValue(report);
        assertThat(c.response()).isNotDone();

        respond(Status.SUCCESS);
        assertThat(c.response().get().status()).isEqualTo(Status.SUCCESS);
        assertThat(scu.pending()).isZero();
        assertThat(unmatched).isEmpty();
    }

    @Test
    void reportAfterTheActionResponseIsMatched() throws Exception {
        Commitment c = scu.request(connection, request);
        respond(Status.SUCCESS);
        assertThat(c.report()).isNotDone();

        CommitmentReport report = CommitmentReport.of(request, null, Map.of());
        deliver(report, 1);

        assertThat(c.report()).isCompletedWithValue(report);
        assertThat(report.eventTypeId()).isEqualTo(1);
    }

    @Test
    void failedActionResponseFailsTheReportWithTheStatus() throws Exception {
        Commitment c = scu.request(connection, request);
        respond(Status.RESOURCE_LIMITATION);

        assertThatThrownBy(() -> c.report().get()).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(CommitmentRefusedException.class,
                        e -> assertThat(e.status().code()).isEqualTo(0x0213));
        assertThat(scu.pending()).isZero();
    }

    @Test
    void associationEndingBeforeTheResponseFailsTheReport() {
        Commitment c = scu.request(connection, request);
        session.onClosed(new java.io.IOException("aborted by peer"));

        assertThatThrownBy(() -> c.report().get()).cause().isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("aborted by peer");
        assertThat(scu.pending()).isZero();
    }

    @Test
    void reportTimeoutFailsTheFutureAndForgetsTheTransaction() {
        StorageCommitmentScu impatient = new StorageCommitmentScu(actionCodec, eventCodec, Duration.ofMillis(50),
                Duration.ZERO, ReportListener.REFUSE, Runnable::run);
        Commitment c = impatient.request(connection, request);
        assertThatThrownBy(() -> c.report().get()).cause().isInstanceOf(TimeoutException.class);
        assertThat(impatient.pending()).isZero();
    }

    @Test
    void sameTransactionTwiceIsRefused() {
        scu.request(connection, request);
        assertThatThrownBy(() -> scu.request(connection, request)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1.2.9.100");
        assertThat(channel.sent).hasSize(1);
    }

    @Test
    void reportOfNoPendingRequestGoesToTheListener() throws Exception {
        CommitmentReport report = new CommitmentReport("1.2.9.555", null, List.of(A), List.of());
        assertThat(deliver(report, 1)).isEqualTo(Status.SUCCESS);
        assertThat(unmatched).containsExactly("1.2.9.555 from ARCHIVE");
    }

    @Test
    void recorderSeesEveryReportFirstAndItsFailureIsTheAnswerWithTheRequestStillPending() throws Exception {
        List<String> recorded = new CopyOnWriteArrayList<>();
        boolean[] down = {true};
        StorageCommitmentScu durable = new StorageCommitmentScu(actionCodec, eventCodec, Duration.ofSeconds(30),
                Duration.ZERO, (report, aet) -> {
                    if (down[0]) {
                        throw new DimseFailure(Status.PROCESSING_FAILURE, "database down");
                    }
                    recorded.add(report.transactionUid());
                }, (report, aet) -> unmatched.add(report.transactionUid()), Runnable::run);
        DimseSession durableSession = new DimseSession(channel, new ServiceDispatcher(ServiceRegistry.builder()
                .eventReport(StorageCommitment.SOP_CLASS_UID, durable.eventReportHandler()).build()),
                Duration.ofSeconds(30));
        Commitment pending = durable.request(new DicomConnection(durableSession), request);
        CommitmentReport report = CommitmentReport.of(request, null, Map.of());

        assertThat(deliver(durableSession, report, 1).code()).isEqualTo(0x0110);
        assertThat(pending.report()).isNotDone();
        assertThat(durable.pending()).isEqualTo(1);

        down[0] = false;
        assertThat(deliver(durableSession, report, 1)).isEqualTo(Status.SUCCESS);
        assertThat(recorded).containsExactly(request.transactionUid());
        assertThat(pending.report()).isCompletedWithValue(report);
        CommitmentReport other = new CommitmentReport("1.2.9.556", null, List.of(A), List.of());
        assertThat(deliver(durableSession, other, 1)).isEqualTo(Status.SUCCESS);
        assertThat(recorded).containsExactly(request.transactionUid(), "1.2.9.556");
        assertThat(unmatched).containsExactly("1.2.9.556");
    }

    @Test
    void refusingListenerAnswersInvalidArgumentOnTheTransactionUid() {
        StorageCommitmentScu strict = new StorageCommitmentScu(actionCodec, eventCodec, Duration.ofSeconds(30),
                Duration.ZERO, ReportListener.REFUSE, Runnable::run);
        CommitmentReport report = new CommitmentReport("1.2.9.555", null, List.of(A), List.of());
        assertThatThrownBy(() -> strict.eventReportHandler().eventReport(context(),
                new NEventReportRq(7, StorageCommitment.SOP_CLASS_UID, StorageCommitment.SOP_INSTANCE_UID, 1, true),
                new ByteArrayInputStream(eventCodec.write(report, TS))))
                .isInstanceOfSatisfying(DimseFailure.class, f -> {
                    assertThat(f.status().code()).isEqualTo(0x0115);
                    assertThat(f.status().offendingElements()).containsExactly(0x00081195);
                });
    }

    @Test
    void malformedReportIsAnsweredWithTheCodecStatusAndCompletesNothing() throws Exception {
        Commitment c = scu.request(connection, request);
        CommitmentReport report = CommitmentReport.of(request, null, Map.of(B, FailureReason.PROCESSING_FAILURE));
        assertThatThrownBy(() -> scu.eventReportHandler().eventReport(context(),
                new NEventReportRq(7, StorageCommitment.SOP_CLASS_UID, StorageCommitment.SOP_INSTANCE_UID, 1, true),
                new ByteArrayInputStream(eventCodec.write(report, TS))))
                .isInstanceOfSatisfying(DimseFailure.class, f -> assertThat(f.status().code()).isEqualTo(0x0115));
        assertThatThrownBy(() -> scu.eventReportHandler().eventReport(context(),
                new NEventReportRq(8, StorageCommitment.SOP_CLASS_UID, "1.2.3.4", 2, true),
                new ByteArrayInputStream(eventCodec.write(report, TS))))
                .isInstanceOfSatisfying(DimseFailure.class, f -> assertThat(f.status().code()).isEqualTo(0x0112));
        assertThat(c.report()).isNotDone();
        assertThat(scu.pending()).isEqualTo(1);
    }

    @Test
    void reportArrivingThroughTheSessionIsAnsweredOnTheAssociation() throws Exception {
        Commitment c = scu.request(connection, request);
        CommitmentReport report = CommitmentReport.of(request, null, Map.of());
        NEventReportRq rq = new NEventReportRq(21, StorageCommitment.SOP_CLASS_UID, StorageCommitment.SOP_INSTANCE_UID,
                1, true);
        byte[] info = eventCodec.write(report, TS);

        channel.incoming = new ByteArrayInputStream(info);
        session.onCommand(1, CommandCodec.encode(rq));

        assertThat(c.report().get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(report);
        assertThat(channel.sent).hasSize(2);
        assertThat(channel.sent.get(1).message().commandField()).isEqualTo(0x8100);
        assertThat(channel.sent.get(1).message()).isInstanceOfSatisfying(dev.custodian.net.dimse.NEventReportRsp.class,
                r -> assertThat(r.status()).isEqualTo(Status.SUCCESS));
    }

    /** Delivers the report through the session (as the reader thread does); the status of the RSP sent. */
    private Status deliver(CommitmentReport report, int eventType) throws Exception {
        return deliver(session, report, eventType);
    }

    private Status deliver(DimseSession through, CommitmentReport report, int eventType) throws Exception {
        channel.incoming = new ByteArrayInputStream(eventCodec.write(report, TS));
        int before = channel.sent.size();
        through.onCommand(1, CommandCodec.encode(new NEventReportRq(9, StorageCommitment.SOP_CLASS_UID,
                StorageCommitment.SOP_INSTANCE_UID, eventType, true)));
        assertThat(channel.sent).hasSize(before + 1);
        return ((dev.custodian.net.dimse.NEventReportRsp) channel.sent.get(before).message()).status();
    }

    private void respond(Status status) throws Exception {
        int id = ((NActionRq) channel.sent.get(0).message()).messageId();
        session.onCommand(1, CommandCodec.encode(new NActionRsp(id, StorageCommitment.SOP_CLASS_UID,
                StorageCommitment.SOP_INSTANCE_UID, null, status, false)));
    }

    private RequestContext context() {
        return new RequestContext(RecordingChannel.CONTEXT, "MODALITY", "ARCHIVE", session);
    }
}
