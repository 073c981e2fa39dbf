package dev.custodian.interop.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.custodian.interop.support.RawPeer;
import dev.custodian.interop.support.Tools;
import dev.custodian.net.pdu.PresentationContextRq;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input on a live acceptor: each hostile connection ends with an A-ABORT and/or a close, no
 * thread or connection is left behind, and the next normal association (DCMTK echoscu) works.
 */
class HostileInputIT {

    private static final int UNRECOGNIZED_PDU = 1;
    private static final int UNEXPECTED_PDU = 2;
    private static final int INVALID_PARAMETER = 6;

    /** Verification as context 1, in Implicit VR Little Endian. */
    private static final List<PresentationContextRq> VERIFICATION_ONLY =
            List.of(RawPeer.implicitLittleEndian(1, EchoResponder.VERIFICATION));

    private NetFixture f;

    @BeforeEach
    void start() throws IOException {
        f = new NetFixture(64, null, Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private void assertRecovered() throws Exception {
        f.awaitQuiet();
        Tools.Result run = f.echoscu(NetFixture.AE);
        assertThat(run.exitCode()).as(run.output()).isZero();
        f.awaitQuiet();
    }

    private static byte[] pdata(int pc) {
        return RawPeer.pdata(pc, true, true, new byte[] {1, 2, 3, 4});
    }

    @Test
    void unknownPduTypeIsAbortedAsUnrecognizedPdu() throws Exception {
        try (RawPeer peer = new RawPeer(f.port())) {
            peer.send(new byte[] {0x0A, 0, 0, 0, 0, 4, 0, 0, 0, 0});
            assertThat(peer.readUntilClosed()).isEqualTo(RawPeer.providerAbort(UNRECOGNIZED_PDU));
        }
        assertRecovered();
    }

    @Test
    void fourGigabytePduLengthIsRefusedBeforeAllocating() throws Exception {
        try (RawPeer peer = new RawPeer(f.port())) {
            peer.send(new byte[] {0x01, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
            assertThat(peer.readUntilClosed()).isEqualTo(RawPeer.providerAbort(INVALID_PARAMETER));
        }
        assertRecovered();
    }

    @Test
    void pDataBeforeAssociationIsAnUnexpectedPdu() throws Exception {
        try (RawPeer peer = new RawPeer(f.port())) {
            peer.send(pdata(1));
            assertThat(peer.readUntilClosed()).isEqualTo(RawPeer.providerAbort(UNEXPECTED_PDU));
        }
        assertRecovered();
    }

    @Test
    void pdvForAContextThatWasNotAcceptedIsAborted() throws Exception {
        try (RawPeer peer = new RawPeer(f.port())) {
            assertThat(peer.associate(NetFixture.AE, VERIFICATION_ONLY).presentationContexts()).singleElement()
                    .satisfies(pc -> assertThat(pc.isAccepted()).isTrue());
            peer.send(pdata(99));
            assertThat(peer.readUntilClosed()).isEqualTo(RawPeer.providerAbort(INVALID_PARAMETER));
        }
        assertRecovered();
    }

    @Test
    void malformedItemLengthInAssociateRqIsAborted() throws Exception {
        byte[] rq = new byte[6 + 68 + 8];
        rq[0] = 0x01;
        rq[5] = (byte) (68 + 8);
        rq[7] = 1; // protocol version
        Arrays.fill(rq, 10, 42, (byte) 'A');
        rq[74] = 0x10; // application context item claiming 1000 bytes of the 4 left
        rq[76] = 0x03;
        rq[77] = (byte) 0xE8;
        try (RawPeer peer = new RawPeer(f.port())) {
            peer.send(rq);
            assertThat(peer.readUntilClosed()).isEqualTo(RawPeer.providerAbort(INVALID_PARAMETER));
        }
        assertRecovered();
    }

    @Test
    void randomBytesEndWithAbortOrClose() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 8; i++) {
            byte[] junk = new byte[1 + random.nextInt(600)];
            random.nextBytes(junk);
            try (RawPeer peer = new RawPeer(f.port())) {
                peer.send(junk);
                byte[] answer = peer.readUntilClosed();
                if (answer.length > 0) {
                    assertThat(answer).as("answer to junk %d", i).hasSize(10).startsWith(7, 0, 0, 0, 0, 4);
                }
            }
        }
        assertRecovered();
    }

    @Test
    void silentPeerIsDroppedWhenArtimExpires() throws Exception {
        try (RawPeer peer = new RawPeer(f.port())) {
            assertThat(peer.readUntilClosed()).isEmpty();
        }
        assertRecovered();
    }

    @Test
    void idleEstablishedAssociationIsAborted() throws Exception {
        try (RawPeer peer = new RawPeer(f.port())) {
            peer.associate(NetFixture.AE, VERIFICATION_ONLY);
            assertThat(peer.readUntilClosed()).isEqualTo(RawPeer.providerAbort(0));
        }
        assertRecovered();
    }

    @Test
    void peerClosingMidPduLeavesNothingBehind() throws Exception {
        try (RawPeer peer = new RawPeer(f.port())) {
            peer.send(new byte[] {0x01, 0, 0, 0});
        }
        try (RawPeer peer = new RawPeer(f.port())) {
            peer.associate(NetFixture.AE, VERIFICATION_ONLY);
            byte[] half = pdata(1);
            peer.send(Arrays.copyOf(half, half.length - 3));
        }
        assertRecovered();
    }

    @Test
    void thousandHostileConnectionsThenEchoscuSucceeds() {
        assertTimeoutPreemptively(Duration.ofSeconds(180), () -> {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (int worker = 0; worker < 8; worker++) {
                    int w = worker;
                    runs.add(pool.submit(() -> {
                        Random random = new Random(w);
                        for (int i = 0; i < 125; i++) {
                            hostile(i % 6, random);
                        }
                        return null;
                    }));
                }
                for (Future<?> r : runs) {
                    r.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertRecovered();
            assertThat(f.readers.created()).isGreaterThanOrEqualTo(1000);
        });
    }

    private void hostile(int kind, Random random) throws IOException {
        try (RawPeer peer = new RawPeer(f.port())) {
            switch (kind) {
                case 0 -> expectAbort(peer.send(new byte[] {0x0A, 0, 0, 0, 0, 4, 0, 0, 0, 0}), UNRECOGNIZED_PDU);
                case 1 -> expectAbort(peer.send(new byte[] {0x01, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                        (byte) 0xFF}), INVALID_PARAMETER);
                case 2 -> expectAbort(peer.send(pdata(1)), UNEXPECTED_PDU);
                case 3 -> {
                    peer.associate(NetFixture.AE, VERIFICATION_ONLY);
                    expectAbort(peer.send(pdata(99)), INVALID_PARAMETER);
                }
                case 4 -> {
                    byte[] junk = new byte[1 + random.nextInt(300)];
                    random.nextBytes(junk);
                    peer.send(junk); // and hang up at once
                }
                default -> peer.send(new byte[] {0x01, 0, 0, 0}); // close mid-PDU
            }
        }
    }

    private static void expectAbort(RawPeer peer, int reason) throws IOException {
        assertThat(peer.read(10)).isEqualTo(RawPeer.providerAbort(reason));
    }
}
