package dev.custodian.net.ul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.net.pdu.AAbort;
import dev.custodian.net.pdu.AReleaseRq;
import dev.custodian.net.pdu.PDataTf;
import dev.custodian.net.pdu.Pdu;
import dev.custodian.net.pdu.PduLimits;
import dev.custodian.net.pdu.PduWriter;
import dev.custodian.net.pdu.Pdv;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A listener reading its data set through {@link Association#dataSet()}, on the reader thread. */
class DataSetPullTest {
    private static final String VERIFICATION = "1.2.840.10008.1.1";
    private static final String IMPLICIT = "1.2.840.10008.1.2";

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final AssociationRuntime runtime = new AssociationRuntime(r -> {
        Thread t = new Thread(r, "pull-reader");
        t.setDaemon(true);
        return t;
    }, scheduler);
    private final AssociationSettings settings = AssociationSettings.DEFAULT
            .withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(10))
            .withLimits(new PduLimits(4096, 65_536, 256));
    private final AcceptorPolicy policy = new DefaultAcceptorPolicy(Set.of("ARCHIVE"), aet -> true,
            SupportedSyntaxes.builder().add(VERIFICATION, IMPLICIT).build());
    private final PduWriter pdus = new PduWriter();
    /** What each listener call saw: data read, or the exception its read threw. */
    private final List<Object> seen = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Association> accepted = new CompletableFuture<>();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    /** Reads the whole data set of each command; 'N' commands have none. */
    private final MessageListener reader = (a, pc, command) -> {
        if (command[0] == 'N') {
            seen.add("N");
            return DataSink.NO_DATA_SET;
        }
        try {
            seen.add(a.dataSet().readAllBytes());
        } catch (IOException e) {
            seen.add(e);
            throw e;
        }
        return DataSink.NO_DATA_SET;
    };

    private MemoryConnection[] establish(MessageListener listener) throws IOException {
        MemoryConnection[] c = MemoryConnection.pair();
        Association.accept(c[0], settings, runtime, policy, a -> {
            accepted.complete(a);
            return listener;
        });
        Association.request(c[1], AssociationProposal.builder("MODALITY", "ARCHIVE").context(VERIFICATION, IMPLICIT)
                .build(), settings, runtime, (a, pc, cmd) -> DataSink.NO_DATA_SET, Duration.ofSeconds(5));
        return c;
    }

    /** Writes raw PDUs on the requestor's transport, bypassing its association. */
    private void raw(MemoryConnection c, Pdu... sent) throws IOException {
        for (Pdu p : sent) {
            pdus.write(p, c.output());
        }
        c.output().flush();
    }

    private static PDataTf pdata(Pdv... pdvs) {
        return new PDataTf(List.of(pdvs));
    }

    private CloseReason acceptorClose() throws Exception {
        return accepted.get(5, TimeUnit.SECONDS).closeFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void listenerReadsTheWholeDataSetAndTheNextMessageFollowsInOrder() throws Exception {
        MemoryConnection[] c = establish(reader);
        byte[] data = new byte[1_000_000];
        new Random(3).nextBytes(data);
        // fragments no longer than the acceptor's 4 KB maximum
        raw(c[1], pdata(new Pdv(1, true, true, new byte[] {'C'})));
        for (int off = 0; off < data.length; off += 4000) {
            int n = Math.min(4000, data.length - off);
            raw(c[1], pdata(new Pdv(1, false, off + n == data.length, data, off, n)));
        }
        // the last data PDV and the next message's command share one P-DATA-TF
        raw(c[1], pdata(new Pdv(1, true, true, new byte[] {'C'})),
                pdata(new Pdv(1, false, true, new byte[] {9, 8}), new Pdv(1, true, true, new byte[] {'N'})),
                new AReleaseRq());
        assertThat(acceptorClose().kind()).isEqualTo(CloseReason.Kind.RELEASED);
        assertThat(seen).hasSize(3);
        assertThat((byte[]) seen.get(0)).isEqualTo(data);
        assertThat((byte[]) seen.get(1)).containsExactly(9, 8);
        assertThat(seen.get(2)).isEqualTo("N");
    }

    @Test
    void fragmentsTheListenerDidNotReadGoToTheSinkItReturns() throws Exception {
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        byte[] head = new byte[3];
        MemoryConnection[] c = establish((a, pc, command) -> {
            InputStream in = a.dataSet();
            seen.add(in.readNBytes(head, 0, 3));
            return (b, off, len, last) -> {
                rest.write(b, off, len);
                if (last) {
                    seen.add("last");
                }
            };
        });
        raw(c[1], pdata(new Pdv(1, true, true, new byte[] {'C'}), new Pdv(1, false, false, new byte[] {1, 2, 3, 4})),
                pdata(new Pdv(1, false, false, new byte[] {5}), new Pdv(1, false, true, new byte[] {6, 7})),
                new AReleaseRq());
        assertThat(acceptorClose().kind()).isEqualTo(CloseReason.Kind.RELEASED);
        assertThat(head).containsExactly(1, 2, 3);
        assertThat(rest.toByteArray()).as("rest of the fragment in hand, then the later ones")
                .containsExactly(4, 5, 6, 7);
        assertThat(seen).containsExactly(3, "last");
    }

    @Test
    void abortUnderTheDataSetFailsTheReadAndEndsTheAssociationOnce() throws Exception {
        MemoryConnection[] c = establish(reader);
        raw(c[1], pdata(new Pdv(1, true, true, new byte[] {'C'}), new Pdv(1, false, false, new byte[100])),
                AAbort.byServiceUser());
        CloseReason r = acceptorClose();
        assertThat(r.kind()).isEqualTo(CloseReason.Kind.ABORTED_BY_PEER);
        assertThat(seen).singleElement().isInstanceOfSatisfying(DataSetInterruptedException.class,
                e -> assertThat(e).hasMessageContaining("Data set incomplete").hasMessageContaining("ABORTED_BY_PEER"));
    }

    @Test
    void commandFragmentInsideThePulledDataSetIsAProtocolError() throws Exception {
        MemoryConnection[] c = establish(reader);
        raw(c[1], pdata(new Pdv(1, true, true, new byte[] {'C'}), new Pdv(1, false, false, new byte[10])),
                pdata(new Pdv(1, true, true, new byte[] {'N'})));
        CloseReason r = acceptorClose();
        assertThat(r.kind()).isEqualTo(CloseReason.Kind.PROTOCOL_ERROR);
        assertThat(r.detail()).contains("command fragment inside a data set");
        assertThat(seen).singleElement().isInstanceOf(DataSetInterruptedException.class);
    }

    @Test
    void releaseRequestedUnderTheDataSetFailsTheRead() throws Exception {
        MemoryConnection[] c = establish(reader);
        raw(c[1], pdata(new Pdv(1, true, true, new byte[] {'C'}), new Pdv(1, false, false, new byte[10])),
                new AReleaseRq());
        assertThat(acceptorClose().kind()).isEqualTo(CloseReason.Kind.RELEASED);
        assertThat(seen).singleElement().isInstanceOf(IOException.class);
    }

    @Test
    void transportLostUnderTheDataSetFailsTheRead() throws Exception {
        MemoryConnection[] c = establish(reader);
        raw(c[1], pdata(new Pdv(1, true, true, new byte[] {'C'}), new Pdv(1, false, false, new byte[10])));
        c[1].close();
        assertThat(acceptorClose().kind()).isEqualTo(CloseReason.Kind.TRANSPORT_CLOSED);
        assertThat(seen).singleElement().isInstanceOf(IOException.class);
    }

    @Test
    void listenerThatReadsPartOfADataSetAndDeniesItAbortsTheAssociation() throws Exception {
        MemoryConnection[] c = establish((a, pc, command) -> {
            seen.add(a.dataSet().read());
            return DataSink.NO_DATA_SET;
        });
        raw(c[1], pdata(new Pdv(1, true, true, new byte[] {'C'}), new Pdv(1, false, false, new byte[] {42})));
        CloseReason r = acceptorClose();
        assertThat(r.kind()).isEqualTo(CloseReason.Kind.ABORTED_LOCALLY);
        assertThat(r.detail()).contains("read part of a data set");
        assertThat(seen).containsExactly(42);
    }

    @Test
    void dataSetIsOnlyReadableOnTheReaderThreadDuringOnCommand() throws Exception {
        CompletableFuture<InputStream> leaked = new CompletableFuture<>();
        MemoryConnection[] c = establish((a, pc, command) -> {
            InputStream in = a.dataSet();
            leaked.complete(in);
            return DataSink.NO_DATA_SET;
        });
        raw(c[1], pdata(new Pdv(1, true, true, new byte[] {'N'})));
        InputStream in = leaked.get(5, TimeUnit.SECONDS);
        Association ac = accepted.get(5, TimeUnit.SECONDS);
        assertThatThrownBy(ac::dataSet).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(in::read).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("during onCommand");
    }
}
