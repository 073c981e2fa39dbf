package dev.custodian.net.dimse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.dicom.dict.Tag;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DimseSessionTest {
    private static final String VERIFICATION = "1.2.840.10008.1.1";
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private static final String INST = "1.2.3.4";
    private static final AcceptedContext ECHO_PC = new AcceptedContext(1, VERIFICATION, "1.2.840.10008.1.2");
    private static final AcceptedContext CT_PC = new AcceptedContext(3, CT, "1.2.840.10008.1.2.1");

    private final FakeChannel channel = new FakeChannel(1, ECHO_PC, CT_PC);
    private final AtomicReference<byte[]> received = new AtomicReference<>();
    private final RequestHandler handler = (ctx, rq, data) -> {
        received.set(data.readAllBytes());
        if (rq instanceof CStoreRq s) {
            assertThat(ctx.transferSyntax()).isEqualTo("1.2.840.10008.1.2.1");
            return new CStoreRsp(s.messageId(), s.affectedSopClassUid(), s.affectedSopInstanceUid(), Status.SUCCESS);
        }
        return new CEchoRsp(rq.messageId(), rq.sopClassUid(), Status.SUCCESS);
    };
    private final DimseSession session = new DimseSession(channel, handler, Duration.ofSeconds(5));

    @Test
    void answersAnIncomingRequestWithItsMessageId() throws Exception {
        Feed.message(session, 1, CommandCodec.encode(new CEchoRq(12, VERIFICATION)), null);
        FakeChannel.Sent sent = channel.next();
        assertThat(sent.contextId()).isEqualTo(1);
        assertThat(sent.message()).isEqualTo(new CEchoRsp(12, VERIFICATION, Status.SUCCESS));
    }

    @Test
    void streamsTheDataSetToTheHandler() throws Exception {
        byte[] data = new byte[100_000];
        data[99_999] = 7;
        Feed.message(session, 3, CommandCodec.encode(new CStoreRq(5, CT, INST)), data);
        assertThat(received.get()).isEqualTo(data);
        assertThat(channel.next().message()).isEqualTo(new CStoreRsp(5, CT, INST, Status.SUCCESS));
    }

    @Test
    void malformedStoreIsAnsweredAndItsDataDrained() throws Exception {
        byte[] command = CommandSets.builder().us(Tag.CommandField, CommandField.C_STORE_RQ).us(Tag.MessageID, 9)
                .us(Tag.CommandDataSetType, 0).us(Tag.Priority, 0).ui(Tag.AffectedSOPClassUID, CT).toBytes();
        Feed.message(session, 3, command, new byte[5000]);
        assertThat(received.get()).as("handler not called").isNull();
        DimseResponse rsp = (DimseResponse) channel.next().message();
        assertThat(rsp.commandField()).isEqualTo(CommandField.C_STORE_RSP);
        assertThat(rsp.messageIdBeingRespondedTo()).isEqualTo(9);
        assertThat(rsp.status().code()).isEqualTo(0xC000);
        assertThat(rsp.status().offendingElements()).containsExactly(Tag.AffectedSOPInstanceUID);
        assertThat(channel.aborted()).isFalse();
    }

    @Test
    void undecodableCommandAbortsTheAssociation() {
        assertThatThrownBy(() -> Feed.message(session, 1, new byte[] {1, 2, 3}, null))
                .isInstanceOf(IOException.class);
        assertThat(channel.aborted()).isTrue();
        assertThat(channel.nothingSent()).isTrue();
    }

    @Test
    void messageOnAContextNotAcceptedAbortsTheAssociation() {
        assertThatThrownBy(() -> Feed.message(session, 5, CommandCodec.encode(new CEchoRq(1, VERIFICATION)),
                null)).isInstanceOf(IOException.class);
        assertThat(channel.aborted()).isTrue();
    }

    @Test
    void cancelIsIgnoredWithoutAbort() throws Exception {
        byte[] cancel = CommandSets.builder().us(Tag.CommandField, CommandField.C_CANCEL_RQ)
                .us(Tag.MessageIDBeingRespondedTo, 3).us(Tag.CommandDataSetType, 0x0101).toBytes();
        Feed.message(session, 1, cancel, null);
        assertThat(channel.aborted()).isFalse();
        assertThat(channel.nothingSent()).isTrue();
    }

    @Test
    void unknownRequestIsAnsweredUnrecognizedOperation() throws Exception {
        byte[] find = CommandSets.builder().us(Tag.CommandField, CommandField.C_FIND_RQ).us(Tag.MessageID, 4)
                .us(Tag.CommandDataSetType, 0).us(Tag.Priority, 0).ui(Tag.AffectedSOPClassUID, CT).toBytes();
        Feed.message(session, 3, find, new byte[300]);
        DimseResponse rsp = (DimseResponse) channel.next().message();
        assertThat(rsp.commandField()).isEqualTo(CommandField.C_FIND_RSP);
        assertThat(rsp.messageIdBeingRespondedTo()).isEqualTo(4);
        assertThat(rsp.status().code()).isEqualTo(0x0211);
        assertThat(received.get()).isNull();
    }

    @Test
    void handlerCrashIsAnsweredProcessingFailure() throws Exception {
        DimseSession crashing = new DimseSession(channel, (c, r, d) -> {
            throw new IllegalStateException("boom");
        }, Duration.ofSeconds(5));
        Feed.message(crashing, 1, CommandCodec.encode(new CEchoRq(3, VERIFICATION)), null);
        DimseResponse rsp = (DimseResponse) channel.next().message();
        assertThat(rsp.status().code()).isEqualTo(0x0110);
        assertThat(rsp.messageIdBeingRespondedTo()).isEqualTo(3);
    }

    @Test
    void responseCompletesTheRequestWithTheSameMessageId() throws Exception {
        CompletableFuture<CEchoRsp> f = session.invoke(1, id -> new CEchoRq(id, VERIFICATION), null, CEchoRsp.class);
        CEchoRq rq = (CEchoRq) channel.next().message();
        assertThat(rq.messageId()).isEqualTo(1);
        Feed.message(session, 1, CommandCodec.encode(new CEchoRsp(99, VERIFICATION, Status.SUCCESS)),
                null);
        assertThat(f).isNotDone();
        Feed.message(session, 1, CommandCodec.encode(new CEchoRsp(rq.messageId(), VERIFICATION, Status.SUCCESS)),
                null);
        assertThat(f.get(5, TimeUnit.SECONDS).status().isSuccess()).isTrue();
        assertThat(session.outstanding()).isZero();
    }

    @Test
    void requestDataIsWrittenAfterTheCommand() throws Exception {
        session.invoke(3, id -> new CStoreRq(id, CT, INST), out -> out.write(new byte[] {1, 2, 3, 4}), CStoreRsp.class);
        FakeChannel.Sent sent = channel.next();
        assertThat(sent.data()).containsExactly(1, 2, 3, 4);
        assertThat(sent.message()).isInstanceOf(CStoreRq.class);
        DimseSession unlimited = new DimseSession(new FakeChannel(0, ECHO_PC, CT_PC), handler, Duration.ofSeconds(5));
        assertThatThrownBy(() -> unlimited.invoke(3, id -> new CStoreRq(id, CT, INST), null, CStoreRsp.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a data set");
        assertThat(unlimited.outstanding()).isZero();
    }

    @Test
    void windowOfOneHoldsTheSecondRequestUntilTheFirstIsAnswered() throws Exception {
        session.invoke(1, id -> new CEchoRq(id, VERIFICATION), null, CEchoRsp.class);
        int first = ((CEchoRq) channel.next().message()).messageId();
        CompletableFuture<CompletableFuture<CEchoRsp>> second = CompletableFuture.supplyAsync(
                () -> session.invoke(1, id -> new CEchoRq(id, VERIFICATION), null, CEchoRsp.class));
        assertThat(channel.nextWithin(Duration.ofMillis(300))).as("second held back").isNull();
        Feed.message(session, 1, CommandCodec.encode(new CEchoRsp(first, VERIFICATION, Status.SUCCESS)),
                null);
        assertThat(((CEchoRq) channel.next().message()).messageId()).isEqualTo(first + 1);
        assertThat(second.get(5, TimeUnit.SECONDS)).isNotDone();
    }

    @Test
    void fullWindowTimesOut() {
        DimseSession quick = new DimseSession(channel, handler, Duration.ofMillis(300));
        quick.invoke(1, id -> new CEchoRq(id, VERIFICATION), null, CEchoRsp.class);
        // The second request waits for room for up to the DIMSE timeout; by then the first has
        // timed out too, so either way the caller sees a TimeoutException, never a hang.
        CompletableFuture<CEchoRsp> second = quick.invoke(1, id -> new CEchoRq(id, VERIFICATION), null, CEchoRsp.class);
        assertThatThrownBy(() -> second.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(TimeoutException.class);
    }

    @Test
    void unansweredRequestTimesOutAndFreesItsSlot() throws Exception {
        DimseSession quick = new DimseSession(channel, handler, Duration.ofMillis(200));
        CompletableFuture<CEchoRsp> f = quick.invoke(1, id -> new CEchoRq(id, VERIFICATION), null, CEchoRsp.class);
        assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(TimeoutException.class);
        assertThat(quick.outstanding()).isZero();
    }

    @Test
    void closingFailsOutstandingRequests() throws Exception {
        CompletableFuture<CEchoRsp> f = session.invoke(1, id -> new CEchoRq(id, VERIFICATION), null, CEchoRsp.class);
        session.onClosed(new IOException("A-ABORT"));
        assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IOException.class)
                .hasMessageContaining("A-ABORT");
        assertThat(session.invoke(1, id -> new CEchoRq(id, VERIFICATION), null, CEchoRsp.class))
                .isCompletedExceptionally();
    }

    @Test
    void refusalOfAnotherKindFailsWithTheResponse() throws Exception {
        CompletableFuture<CEchoRsp> f = session.invoke(1, id -> new CEchoRq(id, VERIFICATION), null, CEchoRsp.class);
        int id = ((CEchoRq) channel.next().message()).messageId();
        Feed.message(session, 1, CommandCodec.encode(new GenericRsp(CommandField.C_FIND_RSP, id, null,
                Status.UNRECOGNIZED_OPERATION)), null);
        assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(UnexpectedResponseException.class);
    }

    @Test
    void failedSendFailsTheRequest() {
        channel.failSends(new IOException("broken pipe"));
        CompletableFuture<CEchoRsp> f = session.invoke(1, id -> new CEchoRq(id, VERIFICATION), null, CEchoRsp.class);
        assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).hasMessageContaining("broken pipe");
        assertThat(session.outstanding()).isZero();
    }

    @Test
    void requestIsPerformedAndAnsweredOnTheCallingThreadBeforeOnCommandReturns() throws Exception {
        Thread caller = Thread.currentThread();
        AtomicReference<Thread> performer = new AtomicReference<>();
        DimseSession s = new DimseSession(channel, (ctx, rq, data) -> {
            performer.set(Thread.currentThread());
            return handler.handle(ctx, rq, data);
        }, Duration.ofSeconds(5));
        byte[] data = new byte[3500];
        Feed.message(s, 3, CommandCodec.encode(new CStoreRq(6, CT, INST)), data);
        assertThat(performer.get()).isSameAs(caller);
        assertThat(channel.nothingSent()).as("answered before onCommand returned").isFalse();
        assertThat(channel.next().message()).isEqualTo(new CStoreRsp(6, CT, INST, Status.SUCCESS));
    }

    @Test
    void dataTheHandlerLeavesIsDrainedBeforeTheResponse() throws Exception {
        Feed.Fragments[] seen = new Feed.Fragments[1];
        DimseSession s = new DimseSession(channel, (ctx, rq, data) -> {
            seen[0] = (Feed.Fragments) data;
            assertThat(data.read()).isZero();
            return new CStoreRsp(rq.messageId(), CT, INST, Status.SUCCESS);
        }, Duration.ofSeconds(5));
        Feed.message(s, 3, CommandCodec.encode(new CStoreRq(7, CT, INST)), new byte[10_000]);
        assertThat(seen[0].ended()).as("all 10,000 bytes read").isTrue();
        assertThat(channel.next().message()).isEqualTo(new CStoreRsp(7, CT, INST, Status.SUCCESS));
    }

    @Test
    void handlerFailingHalfWayIsAnsweredProcessingFailureAfterTheRestIsDrained() throws Exception {
        DimseSession s = new DimseSession(channel, (ctx, rq, data) -> {
            data.readNBytes(1500);
            throw new IllegalStateException("codec bug");
        }, Duration.ofSeconds(5));
        Feed.message(s, 3, CommandCodec.encode(new CStoreRq(8, CT, INST)), new byte[5000]);
        DimseResponse rsp = (DimseResponse) channel.next().message();
        assertThat(rsp.messageIdBeingRespondedTo()).isEqualTo(8);
        assertThat(rsp.status().code()).isEqualTo(0x0110);
        assertThat(channel.aborted()).isFalse();
    }

    @Test
    void associationEndingUnderTheDataSetFailsTheRequestWithoutAResponse() throws Exception {
        AtomicReference<Throwable> handlerSaw = new AtomicReference<>();
        DimseSession s = new DimseSession(channel, (ctx, rq, data) -> {
            try {
                data.readAllBytes();
            } catch (IOException e) {
                handlerSaw.set(e);
                throw e;
            }
            return new CStoreRsp(rq.messageId(), CT, INST, Status.SUCCESS);
        }, Duration.ofSeconds(5));
        channel.incoming(new Feed.Fragments(new byte[5000], 2500));
        assertThatThrownBy(() -> s.onCommand(3, CommandCodec.encode(new CStoreRq(9, CT, INST))))
                .isInstanceOf(IOException.class).hasMessageContaining("aborted under the data set");
        assertThat(handlerSaw.get()).isInstanceOf(IOException.class);
        assertThat(channel.nothingSent()).isTrue();
    }

    @Test
    void handlerSwallowingTheFailureStillSendsNothing() {
        DimseSession s = new DimseSession(channel, (ctx, rq, data) -> {
            try {
                data.readAllBytes();
            } catch (IOException e) {
                return new CStoreRsp(rq.messageId(), CT, INST, Status.PROCESSING_FAILURE);
            }
            throw new AssertionError("the data set cannot end");
        }, Duration.ofSeconds(5));
        channel.incoming(new Feed.Fragments(new byte[5000], 0));
        assertThatThrownBy(() -> s.onCommand(3, CommandCodec.encode(new CStoreRq(10, CT, INST))))
                .isInstanceOf(IOException.class);
        assertThat(channel.nothingSent()).isTrue();
    }
}
