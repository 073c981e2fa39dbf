package dev.custodian.net.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PDVs are slices of the P-DATA-TF body they were decoded from (PS3.8 §9.3.5.1). */
class PdvSliceTest {
    private final PduReader reader = new PduReader(PduLimits.DEFAULT);
    private final PduWriter writer = new PduWriter();

    @Test
    void decodedPdvsShareTheBodyArrayAndRoundTrip() throws Exception {
        PDataTf sent = new PDataTf(List.of(new Pdv(1, true, true, new byte[] {1, 2, 3}),
                new Pdv(3, false, false, new byte[] {4, 5, 6, 7, 8})));
        byte[] wire = writer.encode(sent);
        PDataTf got = (PDataTf) reader.read(new ByteArrayInputStream(wire));
        Pdv first = got.pdvs().get(0);
        Pdv second = got.pdvs().get(1);
        assertThat(first.buffer()).as("one array, no copy per PDV").isSameAs(second.buffer());
        // body = [len 4][pc][ctl][1 2 3][len 4][pc][ctl][4..8]: data at 6 and 15
        assertThat(first.offset()).isEqualTo(6);
        assertThat(second.offset()).isEqualTo(15);
        assertThat(second.length()).isEqualTo(5);
        assertThat(first.command()).isTrue();
        assertThat(second.last()).isFalse();
        assertThat(got).isEqualTo(sent);
        assertThat(writer.encode(got)).isEqualTo(wire);
    }

    @Test
    void aSliceWritesOnlyItsBytes() {
        byte[] big = {9, 9, 1, 2, 9};
        Pdv slice = new Pdv(5, false, true, big, 2, 2);
        assertThat(slice.data()).containsExactly(1, 2);
        assertThat(slice.encodedLength()).isEqualTo(8);
        assertThat(slice).isEqualTo(new Pdv(5, false, true, new byte[] {1, 2})).hasSameHashCodeAs(
                new Pdv(5, false, true, new byte[] {1, 2}));
        assertThat(writer.encode(new PDataTf(List.of(slice))))
                .containsExactly(0x04, 0, 0, 0, 0, 8, 0, 0, 0, 4, 5, 2, 1, 2);
    }

    @Test
    void decodingFromAReadOnlyBufferCopies() throws Exception {
        byte[] wire = writer.encode(new PDataTf(List.of(new Pdv(1, false, true, new byte[] {7, 8}))));
        PDataTf got = (PDataTf) reader.decode(ByteBuffer.wrap(wire).asReadOnlyBuffer());
        assertThat(got.pdvs().get(0).buffer()).containsExactly(7, 8);
    }

    @Test
    void sliceOutsideItsArrayIsRefused() {
        assertThatThrownBy(() -> new Pdv(1, false, true, new byte[4], 3, 2))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new Pdv(2, false, true, new byte[4], 0, 4))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
