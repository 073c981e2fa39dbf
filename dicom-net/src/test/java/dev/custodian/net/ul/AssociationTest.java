package dev.custodian.net.ul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.custodian.net.pdu.AAssociateRj;
import dev.custodian.net.pdu.PduLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Both sides of an association over in-memory pipes: negotiation, streaming, release, abort. */
class AssociationTest {

    static final String VERIFICATION = "1.2.840.10008.1.1";
    static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    static final String STGCMT = "1.2.840.10008.1.20.1";
    static final String IMPLICIT = "1.2.840.10008.1.2";
    static final String EXPLICIT = "1.2.840.10008.1.2.1";
    static final String JPEG = "1.2.840.10008.1.2.4.50";

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final AssociationRuntime runtime = new AssociationRuntime(r -> {
        Thread t = new Thread(r, "test-reader");
        t.setDaemon(true);
        return t;
    }, scheduler);
    private final AssociationSettings settings = AssociationSettings.DEFAULT
            .withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(10))
            .withLimits(new PduLimits(4096, 65_536, 256));
    private final SupportedSyntaxes syntaxes = SupportedSyntaxes.builder()
            .add(VERIFICATION, IMPLICIT)
            .add(CT, EXPLICIT, IMPLICIT)
            .add(STGCMT, IMPLICIT).allowRequestorScp(STGCMT)
            .selection(TransferSyntaxSelection.ACCEPTOR_ORDER) // the proposer's order: DefaultAcceptorPolicyTest
            .build();
    private final AcceptorPolicy policy = new DefaultAcceptorPolicy(Set.of("ARCHIVE"), Set.of("MODALITY", "OTHER")::contains,
            syntaxes);
    private final List<CloseReason> acceptorCloses = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Association> accepted = new CompletableFuture<>();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    /** A message as the listener saw it: command and the data set fragment sizes. */
    record Received(int pc, byte[] command, List<Integer> fragments, ByteArrayOutputStream data) {
    }

    static final class Recorder implements MessageListener {
        final List<Received> messages = new CopyOnWriteArrayList<>();
        final CompletableFuture<Received> complete = new CompletableFuture<>();

        @Override
        public DataSink onCommand(Association association, int pc, byte[] command) {
            Received r = new Received(pc, command, new CopyOnWriteArrayList<>(), new ByteArrayOutputStream());
            messages.add(r);
            if (command[0] == 'N') { // test convention: 'N...' commands carry no data set
                complete.complete(r);
                return DataSink.NO_DATA_SET;
            }
            return (b, off, len, last) -> {
                r.fragments().add(len);
                r.data().write(b, off, len);
                if (last) {
                    complete.complete(r);
                }
            };
        }
    }

    private Association acceptor(MemoryConnection c, MessageListener listener) {
        return Association.accept(c, settings, runtime, policy, a -> {
            a.addCloseListener((x, reason) -> acceptorCloses.add(reason));
            accepted.complete(a);
            return listener;
        });
    }

    private AssociationProposal proposal(String called) {
        return AssociationProposal.builder("MODALITY", called)
                .context(VERIFICATION, IMPLICIT)
                .context(CT, IMPLICIT, EXPLICIT, JPEG)
                .context("1.2.3.4.5", IMPLICIT)
                .context(CT, JPEG)
                .context(STGCMT, IMPLICIT)
                .role(STGCMT, true, true)
                .build();
    }

    @Test
    void negotiatesContextsTransferSyntaxesInOurPreferenceOrderAndRoles() throws Exception {
        MemoryConnection[] c = MemoryConnection.pair();
        acceptor(c[0], new Recorder());
        Association rq = Association.request(c[1], proposal("ARCHIVE"), settings, runtime, new Recorder(),
                Duration.ofSeconds(5));
        assertThat(rq.acceptedContexts()).containsExactly(
                new NegotiatedContext(1, VERIFICATION, IMPLICIT, true, false),
                new NegotiatedContext(3, CT, EXPLICIT, true, false),
                new NegotiatedContext(9, STGCMT, IMPLICIT, true, true));
        assertThat(rq.acceptance().presentationContext(5).orElseThrow().result().code()).isEqualTo(3);
        assertThat(rq.acceptance().presentationContext(7).orElseThrow().result().code()).isEqualTo(4);
        assertThat(rq.peerMaxPduLength()).isEqualTo(4096);
        assertThat(rq.peerImplementationClassUid()).contains(AssociationSettings.CUSTODIAN_IMPLEMENTATION_CLASS_UID);
        assertThat(rq.peerImplementationVersionName()).contains(AssociationSettings.CUSTODIAN_VERSION_NAME);
        Association ac = accepted.get(5, TimeUnit.SECONDS);
        assertThat(ac.acceptedContexts()).isEqualTo(rq.acceptedContexts());
        assertThat(ac.remoteAeTitle()).isEqualTo("MODALITY");
        assertThat(rq.remoteAeTitle()).isEqualTo("ARCHIVE");
        assertThat(ac.context(9).orElseThrow().mayInvoke(false)).as("acceptor may send N-EVENT-REPORT").isTrue();
        assertThat(rq.contextsFor(CT)).singleElement().extracting(NegotiatedContext::transferSyntax).isEqualTo(EXPLICIT);
        rq.release(Duration.ofSeconds(5));
    }

    @Test
    void rejectsUnknownCalledAndCallingAeWithTheStandardReasons() {
        MemoryConnection[] c = MemoryConnection.pair();
        acceptor(c[0], new Recorder());
        assertThatThrownBy(() -> Association.request(c[1], proposal("SOMEONE"), settings, runtime, new Recorder(),
                Duration.ofSeconds(5))).isInstanceOfSatisfying(AssociationRejectedException.class, e -> {
                    assertThat(e.rejection().reason()).isEqualTo(AAssociateRj.USER_CALLED_AE_TITLE_NOT_RECOGNIZED);
                    assertThat(e.rejection().result().code()).isEqualTo(1);
                    assertThat(e.rejection().source().code()).isEqualTo(1);
                });
        MemoryConnection[] d = MemoryConnection.pair();
        acceptor(d[0], new Recorder());
        AssociationProposal stranger = AssociationProposal.builder("STRANGER", "ARCHIVE").context(VERIFICATION, IMPLICIT)
                .build();
        assertThatThrownBy(() -> Association.request(d[1], stranger, settings, runtime, new Recorder(),
                Duration.ofSeconds(5))).isInstanceOfSatisfying(AssociationRejectedException.class,
                e -> assertThat(e.rejection().reason()).isEqualTo(AAssociateRj.USER_CALLING_AE_TITLE_NOT_RECOGNIZED));
    }

    @Test
    void bigDataSetIsStreamedInFragmentsNoLargerThanThePeersMaximum() throws Exception {
        MemoryConnection[] c = MemoryConnection.pair();
        Recorder received = new Recorder();
        acceptor(c[0], received);
        Association rq = Association.request(c[1], proposal("ARCHIVE"), settings, runtime, new Recorder(),
                Duration.ofSeconds(5));
        byte[] data = new byte[1_000_000];
        new java.util.Random(1).nextBytes(data);
        byte[] command = new byte[5000];
        command[0] = 'C';
        rq.send(3, command, out -> {
            for (int i = 0; i < data.length; i += 777) {
                out.write(data, i, Math.min(777, data.length - i));
            }
        });
        Received r = received.complete.get(10, TimeUnit.SECONDS);
        assertThat(r.pc()).isEqualTo(3);
        assertThat(r.command()).isEqualTo(command);
        assertThat(r.data().toByteArray()).isEqualTo(data);
        assertThat(r.fragments()).hasSizeGreaterThan(200).allSatisfy(n -> assertThat(n + 6).isLessThanOrEqualTo(4096));
        rq.release(Duration.ofSeconds(5));
        assertThat(rq.closeFuture().get().kind()).isEqualTo(CloseReason.Kind.RELEASED);
        await().untilAsserted(() -> assertThat(acceptorCloses).singleElement()
                .extracting(CloseReason::kind).isEqualTo(CloseReason.Kind.RELEASED));
    }

    @Test
    void requestsArriveOnTheAssociationWeRequestedToo() throws Exception {
        MemoryConnection[] c = MemoryConnection.pair();
        // the acceptor answers an "N-ACTION" by sending an "N-EVENT-REPORT" request back on the same association
        acceptor(c[0], (as, pc, command) -> {
            as.send(pc, new byte[] {'E', 'R'}, DataWriter.of(new byte[] {1, 2, 3}));
            return DataSink.NO_DATA_SET;
        });
        Recorder requestorSide = new Recorder();
        Association rq = Association.request(c[1], proposal("ARCHIVE"), settings, runtime, requestorSide,
                Duration.ofSeconds(5));
        rq.send(9, new byte[] {'N', 'A'}, null);
        Received report = requestorSide.complete.get(5, TimeUnit.SECONDS);
        assertThat(report.command()).containsExactly('E', 'R');
        assertThat(report.data().toByteArray()).containsExactly(1, 2, 3);
        assertThat(report.pc()).isEqualTo(9);
        rq.release(Duration.ofSeconds(5));
    }

    @Test
    void simultaneousReleaseFromBothSidesEndsReleasedEitherWay() throws Exception {
        for (int round = 0; round < 20; round++) {
            MemoryConnection[] c = MemoryConnection.pair();
            CompletableFuture<Association> acc = new CompletableFuture<>();
            Association.accept(c[0], settings, runtime, policy, a -> {
                acc.complete(a);
                return new Recorder();
            });
            Association rq = Association.request(c[1], proposal("ARCHIVE"), settings, runtime, new Recorder(),
                    Duration.ofSeconds(5));
            Association ac = acc.get(5, TimeUnit.SECONDS);
            CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
                try {
                    ac.release(Duration.ofSeconds(5));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            rq.release(Duration.ofSeconds(5));
            other.get(10, TimeUnit.SECONDS);
            assertThat(rq.closeFuture().get(5, TimeUnit.SECONDS).kind()).isEqualTo(CloseReason.Kind.RELEASED);
            assertThat(ac.closeFuture().get(5, TimeUnit.SECONDS).kind()).isEqualTo(CloseReason.Kind.RELEASED);
        }
    }

    @Test
    void abortIsSeenByBothSides() throws Exception {
        MemoryConnection[] c = MemoryConnection.pair();
        acceptor(c[0], new Recorder());
        Association rq = Association.request(c[1], proposal("ARCHIVE"), settings, runtime, new Recorder(),
                Duration.ofSeconds(5));
        rq.abort("test");
        assertThat(rq.closeFuture().get(5, TimeUnit.SECONDS).kind()).isEqualTo(CloseReason.Kind.ABORTED_LOCALLY);
        await().untilAsserted(() -> assertThat(acceptorCloses).singleElement()
                .extracting(CloseReason::kind).isEqualTo(CloseReason.Kind.ABORTED_BY_PEER));
        assertThatThrownBy(() -> rq.send(1, new byte[] {'N'}, null)).isInstanceOf(IOException.class)
                .hasMessageContaining("not open");
    }

    @Test
    void listenerFailureAbortsTheAssociation() throws Exception {
        MemoryConnection[] c = MemoryConnection.pair();
        acceptor(c[0], (as, pc, command) -> {
            throw new IOException("disk full");
        });
        Association rq = Association.request(c[1], proposal("ARCHIVE"), settings, runtime, new Recorder(),
                Duration.ofSeconds(5));
        rq.send(1, new byte[] {'N'}, null);
        assertThat(rq.closeFuture().get(5, TimeUnit.SECONDS).kind()).isEqualTo(CloseReason.Kind.ABORTED_BY_PEER);
        await().untilAsserted(() -> assertThat(acceptorCloses).singleElement()
                .satisfies(r -> assertThat(r.detail()).contains("disk full")));
    }

    @Test
    void sendOnAContextThatWasNotAcceptedIsRefused() throws Exception {
        MemoryConnection[] c = MemoryConnection.pair();
        acceptor(c[0], new Recorder());
        Association rq = Association.request(c[1], proposal("ARCHIVE"), settings, runtime, new Recorder(),
                Duration.ofSeconds(5));
        assertThatThrownBy(() -> rq.send(5, new byte[] {'N'}, null)).isInstanceOf(IllegalArgumentException.class);
        rq.release(Duration.ofSeconds(5));
        assertThatThrownBy(() -> rq.send(1, new byte[] {'N'}, null)).isInstanceOf(IOException.class);
    }

    @Test
    void silentPeerIsDroppedWhenArtimExpires() throws Exception {
        MemoryConnection[] c = MemoryConnection.pair();
        Association ac = acceptor(c[0], new Recorder());
        CloseReason r = ac.closeFuture().get(5, TimeUnit.SECONDS);
        assertThat(r.kind()).isEqualTo(CloseReason.Kind.TIMEOUT);
        assertThat(r.detail()).contains("ARTIM").contains("Sta2");
    }

    @Test
    void peerVanishingIsReportedAsTransportClosed() throws Exception {
        MemoryConnection[] c = MemoryConnection.pair();
        acceptor(c[0], new Recorder());
        Association rq = Association.request(c[1], proposal("ARCHIVE"), settings, runtime, new Recorder(),
                Duration.ofSeconds(5));
        c[0].close();
        assertThat(rq.closeFuture().get(5, TimeUnit.SECONDS).kind()).isEqualTo(CloseReason.Kind.TRANSPORT_CLOSED);
    }

    @Test
    void interleavedMessagesAndStrayDataAreProtocolErrors() throws Exception {
        MemoryConnection[] c = MemoryConnection.pair();
        acceptor(c[0], new Recorder());
        Association rq = Association.request(c[1], proposal("ARCHIVE"), settings, runtime, new Recorder(),
                Duration.ofSeconds(5));
        // a data set with no command before it
        var writer = new dev.custodian.net.pdu.PduWriter();
        synchronized (this) {
            writer.writeSinglePdv(1, false, true, new byte[] {1}, 0, 1, c[1].output());
        }
        CloseReason r = rq.closeFuture().get(5, TimeUnit.SECONDS);
        assertThat(r.kind()).isEqualTo(CloseReason.Kind.ABORTED_BY_PEER);
        assertThat(r.detail()).contains("UNEXPECTED_PDU_PARAMETER");
        await().untilAsserted(() -> assertThat(acceptorCloses).singleElement()
                .satisfies(x -> assertThat(x.kind()).isEqualTo(CloseReason.Kind.PROTOCOL_ERROR)));
    }
}
