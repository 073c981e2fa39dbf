package dev.custodian.interop.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.net.transport.DicomRequestor;
import dev.custodian.net.transport.RequestorConfig;
import dev.custodian.net.ul.Association;
import dev.custodian.net.ul.AssociationProposal;
import dev.custodian.net.ul.AssociationSettings;
import dev.custodian.net.ul.CloseReason;
import dev.custodian.net.ul.DataSink;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Our requestor against our acceptor over TCP: timeouts, acceptor shutdown, throughput. */
class RequestorIT {

    private static AssociationProposal echo(String calling) {
        return AssociationProposal.builder(calling, NetFixture.AE)
                .context(EchoResponder.VERIFICATION, NetFixture.IMPLICIT_LE).build();
    }

    @Test
    void peerThatNeverAnswersTheRequestTimesOut() throws Exception {
        try (NetFixture f = new NetFixture(4, null); ServerSocket mute = new ServerSocket(0)) {
            CompletableFuture<Socket> held = CompletableFuture.supplyAsync(() -> {
                try {
                    return mute.accept();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            DicomRequestor requestor = new DicomRequestor(RequestorConfig.plain(AssociationSettings.DEFAULT,
                    Duration.ofSeconds(2), Duration.ofMillis(500)), f.runtime);
            assertThatThrownBy(() -> requestor.connect("127.0.0.1", mute.getLocalPort(), echo("ME"), (a, pc, c) -> null))
                    .isInstanceOf(IOException.class).hasMessageContaining("no answer to A-ASSOCIATE-RQ");
            held.get(5, TimeUnit.SECONDS).close();
            f.awaitQuiet();
        }
    }

    @Test
    void closingTheAcceptorAbortsAssociationsThatDoNotEnd() throws Exception {
        NetFixture f = new NetFixture(4, null);
        DicomRequestor requestor = new DicomRequestor(RequestorConfig.plain(AssociationSettings.DEFAULT,
                Duration.ofSeconds(2), Duration.ofSeconds(2)), f.runtime);
        Association a = requestor.connect("127.0.0.1", f.port(), echo("STAYER"), (x, pc, c) -> DataSink.NO_DATA_SET);
        f.close();
        assertThat(a.closeFuture().get(10, TimeUnit.SECONDS).kind()).isEqualTo(CloseReason.Kind.ABORTED_BY_PEER);
        assertThat(f.acceptor.openConnections()).isZero();
        assertThat(f.readers.alive()).isZero();
        assertThat(f.acceptThreads.alive()).as("accept thread").isZero();
        assertThatThrownBy(() -> new Socket("127.0.0.1", f.port()).close()).isInstanceOf(IOException.class);
    }

    @Test
    void streamsADataSetThroughTcpAtSpeed() throws Exception {
        long total = 256L << 20;
        CompletableFuture<Long> received = new CompletableFuture<>();
        try (NetFixture f = new NetFixture(4, null)) {
            // this acceptor's listener just counts the bytes of the data set
            var counting = new dev.custodian.net.transport.AcceptorConfig("127.0.0.1", 0, 2,
                    AssociationSettings.DEFAULT, null);
            var acceptor = dev.custodian.net.transport.DicomAcceptor.start(counting,
                    (rq, addr) -> new dev.custodian.net.ul.DefaultAcceptorPolicy(java.util.Set.of(), c -> true,
                            dev.custodian.net.ul.SupportedSyntaxes.builder().add("1.2.840.10008.5.1.4.1.1.7",
                                    NetFixture.IMPLICIT_LE).build()).decide(rq, addr),
                    as -> (x, pc, command) -> {
                        long[] n = {0};
                        return (b, off, len, last) -> {
                            n[0] += len;
                            if (last) {
                                received.complete(n[0]);
                            }
                        };
                    }, f.runtime, f.acceptThreads);
            try {
                DicomRequestor requestor = new DicomRequestor(RequestorConfig.plain(AssociationSettings.DEFAULT,
                        Duration.ofSeconds(2), Duration.ofSeconds(2)), f.runtime);
                Association a = requestor.connect("127.0.0.1", acceptor.port(), AssociationProposal.builder("BULK", "ANY")
                        .context("1.2.840.10008.5.1.4.1.1.7", NetFixture.IMPLICIT_LE).build(), (x, pc, c) -> null);
                byte[] chunk = new byte[1 << 20];
                long start = System.nanoTime();
                a.send(1, EchoResponder.echoRequest(1), (OutputStream out) -> {
                    for (long sent = 0; sent < total; sent += chunk.length) {
                        out.write(chunk);
                    }
                });
                assertThat(received.get(60, TimeUnit.SECONDS)).isEqualTo(total);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("THROUGHPUT: %d MiB in %.2f s = %.0f MiB/s (peer max PDU %d)%n", total >> 20, seconds,
                        (total >> 20) / seconds, a.peerMaxPduLength());
                a.release(Duration.ofSeconds(5));
            } finally {
                acceptor.close();
            }
        }
    }
}
