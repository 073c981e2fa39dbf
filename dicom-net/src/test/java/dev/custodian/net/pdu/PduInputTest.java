package dev.custodian.net.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PDUs (PS3.8 §9.3) read through one buffer, P-DATA-TF decoded in place. */
class PduInputTest {
    private final PduReader reader = new PduReader(new PduLimits(1 << 20, 1 << 20, 4096));
    private final PduWriter writer = new PduWriter();

    /** A stream handing out {@code wire} in chunks, optionally timing out once at given offsets. */
    private static final class Scripted extends InputStream {
        private final byte[] wire;
        private final int maxChunk;
        private final int[] cuts;
        private final boolean[] timedOut;
        private int at;
        int reads;

        /** @param cuts offsets no read crosses; at each, one read times out first when {@code timeouts} */
        Scripted(byte[] wire, int maxChunk, boolean timeouts, int... cuts) {
            this.wire = wire;
            this.maxChunk = maxChunk;
            this.cuts = cuts;
            this.timedOut = new boolean[timeouts ? cuts.length : 0];
        }

        @Override
        public int read() {
            throw new AssertionError("single-byte reads are not expected");
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            reads++;
            if (at == wire.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, maxChunk), wire.length - at);
            for (int i = 0; i < cuts.length; i++) {
                if (i < timedOut.length && at == cuts[i] && !timedOut[i]) {
                    timedOut[i] = true;
                    throw new SocketTimeoutException("Read timed out");
                }
                if (at < cuts[i]) {
                    n = Math.min(n, cuts[i] - at);
                }
            }
            System.arraycopy(wire, at, b, off, n);
            at += n;
            return n;
        }
    }

    private byte[] wire(List<? extends Pdu> pdus) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pdus.forEach(p -> out.writeBytes(writer.encode(p)));
        return out.toByteArray();
    }

    private static PDataTf pdata(int pcid, int... sizes) {
        List<Pdv> pdvs = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            byte[] data = new byte[sizes[i]];
            for (int j = 0; j < data.length; j++) {
                data[j] = (byte) (7 * pcid + 31 * i + j);
            }
            pdvs.add(new Pdv(pcid, false, i == sizes.length - 1, data));
        }
        return new PDataTf(pdvs);
    }

    /**
     * Reads every PDU, retrying after each timeout; returns them (PDVs copied before the next read,
     * as the contract asks) and counts the timeouts.
     */
    private static List<Pdu> readAll(PduInput input, int expected, int[] timeouts) throws IOException {
        List<Pdu> got = new ArrayList<>();
        while (got.size() < expected) {
            try {
                got.add(copied(input.read()));
            } catch (SocketTimeoutException e) {
                timeouts[0]++;
            }
        }
        return got;
    }

    private static Pdu copied(Pdu pdu) {
        if (pdu instanceof PDataTf p) {
            return new PDataTf(p.pdvs().stream()
                    .map(v -> new Pdv(v.presentationContextId(), v.command(), v.last(), v.data())).toList());
        }
        return pdu;
    }

    @Test
    void pdusSplitAtEveryByteBoundaryAndInChunksOfEverySize() throws Exception {
        List<Pdu> all = PduSamples.all();
        byte[] wire = wire(all);
        for (int capacity : new int[] {6, 64, PduInput.INITIAL_CAPACITY}) {
            for (int cut = 1; cut < wire.length; cut++) {
                PduInput input = new PduInput(new Scripted(wire, Integer.MAX_VALUE, false, cut), reader, capacity);
                assertThat(readAll(input, all.size(), new int[1])).as("cut at %d, capacity %d", cut, capacity)
                        .isEqualTo(all);
            }
            for (int chunk = 1; chunk <= wire.length; chunk++) {
                PduInput input = new PduInput(new Scripted(wire, chunk, false), reader, capacity);
                assertThat(readAll(input, all.size(), new int[1])).as("chunks of %d, capacity %d", chunk, capacity)
                        .isEqualTo(all);
                assertThatThrownBy(input::read).isInstanceOf(EOFException.class).hasMessage("end of stream");
            }
        }
    }

    @Test
    void oneReadBringsSeveralPdus() throws Exception {
        List<Pdu> pdus = List.of(pdata(1, 10, 20), new AReleaseRq(), pdata(3, 5), new AReleaseRp(), pdata(5, 100));
        Scripted in = new Scripted(wire(pdus), Integer.MAX_VALUE, false);
        PduInput input = new PduInput(in, reader);
        for (Pdu expected : pdus) {
            assertThat(input.read()).isEqualTo(expected); // compared before the next read
        }
        assertThat(in.reads).as("one read of the stream for all five").isEqualTo(1);
        assertThatThrownBy(input::read).isInstanceOf(EOFException.class).hasMessage("end of stream");
    }

    @Test
    void aPartialPduAtTheEndOfTheArrayMovesToItsStart() throws Exception {
        List<PDataTf> pdus = List.of(pdata(1, 24), pdata(3, 24), pdata(5, 24)); // 36 bytes each
        PduInput input = new PduInput(new Scripted(wire(pdus), Integer.MAX_VALUE, false), reader, 64);
        Pdv first = ((PDataTf) input.read()).pdvs().get(0);
        assertThat(first.offset()).as("in place: header, PDV length, pc, control").isEqualTo(12);
        assertThat(input.buffered()).as("28 bytes of the second PDU read with the first").isEqualTo(28);
        Pdv second = ((PDataTf) input.read()).pdvs().get(0);
        assertThat(second.buffer()).as("same array, not grown").isSameAs(first.buffer()).hasSize(64);
        assertThat(second.offset()).as("compacted to the front").isEqualTo(12);
        assertThat(second).isEqualTo(pdus.get(1).pdvs().get(0));
        assertThat(input.read()).isEqualTo(pdus.get(2));
        assertThat(input.capacity()).isEqualTo(64);
    }

    @Test
    void theArrayGrowsToHoldExactlyOnePDataTfLongerThanIt() throws Exception {
        PDataTf big = pdata(1, 100_000, 50_000);
        PDataTf small = pdata(3, 7);
        PduInput input = new PduInput(new Scripted(wire(List.of(small, big, small)), 8192, false), reader);
        assertThat(input.read()).isEqualTo(small);
        PDataTf got = (PDataTf) input.read();
        assertThat(got).isEqualTo(big);
        assertThat(input.capacity()).isEqualTo(6 + (int) big.variableLength());
        assertThat(got.pdvs().get(0).buffer()).as("decoded in place").hasSize(input.capacity())
                .isSameAs(got.pdvs().get(1).buffer());
        assertThat(input.read()).isEqualTo(small);
        assertThatThrownBy(input::read).isInstanceOf(EOFException.class).hasMessage("end of stream");
    }

    @Test
    void aHugeLengthIsRefusedFromTheHeaderAlone() {
        byte[] header = {0x04, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        PduInput input = new PduInput(new Scripted(header, Integer.MAX_VALUE, false), reader);
        assertThatThrownBy(input::read).isInstanceOf(PduFormatException.class).hasMessageContaining("4294967295");
        assertThat(input.capacity()).isEqualTo(PduInput.INITIAL_CAPACITY);
        byte[] rq = {0x01, 0, 0, 0x10, 0, 1}; // 1 MiB + 1: one over the limit
        assertThatThrownBy(new PduInput(new Scripted(rq, Integer.MAX_VALUE, false), reader)::read)
                .isInstanceOf(PduFormatException.class).hasMessageContaining("1048577");
    }

    @Test
    void aLongAssociateRequestCostsMemoryOnlyForTheBytesSent() {
        byte[] wire = new byte[6 + 100_000];
        wire[0] = 0x01;
        wire[3] = 0x0F; // claims 983,040 bytes, within the limit; sends 100,000
        PduInput input = new PduInput(new Scripted(wire, 4096, false), reader);
        assertThatThrownBy(input::read).isInstanceOf(EOFException.class)
                .hasMessage("stream ended after 100000 of 983040 bytes of a PDU of type 01H");
        assertThat(input.capacity()).isLessThanOrEqualTo(2 * wire.length);
    }

    @Test
    void aTimeoutAnywhereLosesAndRepeatsNothing() throws Exception {
        List<Pdu> pdus = new ArrayList<>(PduSamples.all());
        pdus.add(pdata(1, 3000, 10));
        byte[] wire = wire(pdus);
        for (int capacity : new int[] {64, PduInput.INITIAL_CAPACITY}) {
            for (int at = 0; at < wire.length; at += at < 800 ? 1 : 97) {
                PduInput input = new PduInput(new Scripted(wire, 512, true, at), reader, capacity);
                int[] timeouts = new int[1];
                assertThat(readAll(input, pdus.size(), timeouts)).as("timeout at %d", at).isEqualTo(pdus);
                assertThat(timeouts[0]).isEqualTo(1);
                assertThatThrownBy(input::read).isInstanceOf(EOFException.class).hasMessage("end of stream");
            }
        }
    }

    @Test
    void theStreamEndingInAHeaderOrABodyIsNamed() {
        byte[] wire = wire(List.of(new AReleaseRq(), pdata(1, 20)));
        assertThat(eofAt(wire, 0)).hasMessage("end of stream");
        assertThat(eofAt(wire, 10)).as("headers start at 0 and 10").hasMessage("end of stream");
        assertThat(eofAt(wire, 3)).hasMessage("stream ended after 3 of 6 PDU header bytes");
        assertThat(eofAt(wire, 15)).hasMessage("stream ended after 5 of 6 PDU header bytes");
        assertThat(eofAt(wire, 16)).hasMessage("stream ended after 0 of 26 bytes of a PDU of type 04H");
        assertThat(eofAt(wire, 41)).hasMessage("stream ended after 25 of 26 bytes of a PDU of type 04H");
        assertThat(eofAt(wire, 8)).hasMessage("stream ended after 2 of 4 bytes of a PDU of type 05H");
    }

    private EOFException eofAt(byte[] wire, int end) {
        PduInput input = new PduInput(new Scripted(Arrays.copyOf(wire, end), 3, false), reader);
        try {
            for (int i = 0; i < 3; i++) {
                input.read();
            }
        } catch (EOFException e) {
            return e;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no EOF for a stream of " + end + " bytes");
    }

    @Test
    void pdvsOfThePduJustReadStayIntactUntilTheNextRead() throws Exception {
        PDataTf first = pdata(1, 40, 30);
        PDataTf second = pdata(3, 50);
        byte[] wire = wire(List.of(first, second, new AReleaseRq()));
        // the first read brings all of the first PDU and most of the second
        PduInput input = new PduInput(new Scripted(wire, Integer.MAX_VALUE, false, wire.length - 20), reader, 128);
        PDataTf got = (PDataTf) input.read();
        assertThat(input.buffered()).as("bytes after the PDU are already in the array").isPositive();
        assertThat(got).isEqualTo(first);
        assertThat(got.pdvs().get(0).data()).isEqualTo(first.pdvs().get(0).data());
        assertThat(got.pdvs().get(1).data()).isEqualTo(first.pdvs().get(1).data());
        Pdv kept = got.pdvs().get(0);
        byte[] before = kept.data();
        assertThat(input.read()).as("compacts over the first PDU").isEqualTo(second);
        assertThat(kept.data()).as("the contract: valid only until the next read").isNotEqualTo(before);
        assertThat(input.read()).isEqualTo(new AReleaseRq());
    }

    @Test
    void discardEmptiesTheBufferThenTheStream() throws Exception {
        byte[] wire = wire(List.of(new AReleaseRq(), new AReleaseRp(), new AReleaseRq()));
        PduInput input = new PduInput(new Scripted(wire, Integer.MAX_VALUE, false, 20), reader);
        assertThat(input.read()).isEqualTo(new AReleaseRq());
        assertThat(input.discard()).as("the rest of the first read").isEqualTo(10);
        assertThat(input.discard()).as("then the stream").isEqualTo(10);
        assertThat(input.discard()).isEqualTo(-1);
    }
}
