package dev.custodian.net.pdu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PduRoundTripTest {

    private final PduWriter writer = new PduWriter();
    private final PduReader reader = new PduReader(PduLimits.DEFAULT);

    static List<Pdu> samples() {
        return PduSamples.all();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyPduTypeRoundTripsThroughAStream(Pdu pdu) throws Exception {
        byte[] bytes = writer.encode(pdu);
        assertThat(bytes[0]).isEqualTo((byte) pdu.type());
        assertThat(ByteBuffer.wrap(bytes, 2, 4).getInt()).isEqualTo(bytes.length - 6);
        assertThat(reader.read(new ByteArrayInputStream(bytes))).isEqualTo(pdu);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyPduTypeRoundTripsThroughAByteBuffer(Pdu pdu) throws Exception {
        ByteBuffer buf = ByteBuffer.wrap(writer.encode(pdu));
        assertThat(reader.decode(buf)).isEqualTo(pdu);
        assertThat(buf.hasRemaining()).isFalse();
    }

    @Test
    void consecutivePdusAreReadOneByOneAndThenEndOfStream() throws Exception {
        var out = new ByteArrayOutputStream();
        for (Pdu p : PduSamples.all()) {
            writer.write(p, out);
        }
        var in = new ByteArrayInputStream(out.toByteArray());
        for (Pdu p : PduSamples.all()) {
            assertThat(reader.read(in)).isEqualTo(p);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reader.read(in))
                .isInstanceOf(EOFException.class).hasMessage("end of stream");
    }

    @Test
    void wireLayoutOfAReleaseRqAndAbortMatchesPs38() {
        assertThat(writer.encode(new AReleaseRq())).containsExactly(5, 0, 0, 0, 0, 4, 0, 0, 0, 0);
        assertThat(writer.encode(AAbort.byServiceProvider(AbortReason.UNEXPECTED_PDU)))
                .containsExactly(7, 0, 0, 0, 0, 4, 0, 0, 2, 2);
        assertThat(writer.encode(new AAssociateRj(RejectResult.REJECTED_TRANSIENT,
                RejectSource.SERVICE_PROVIDER_PRESENTATION, 2))).containsExactly(3, 0, 0, 0, 0, 4, 0, 2, 3, 2);
    }

    @Test
    void aeTitlesArePaddedTo16BytesAndStrippedOnRead() throws Exception {
        byte[] bytes = writer.encode(PduSamples.rq());
        assertThat(new String(bytes, 10, 16, "US-ASCII")).isEqualTo("CUSTODIAN       ");
        assertThat(new String(bytes, 26, 16, "US-ASCII")).isEqualTo("MODALITY        ");
    }

    @Test
    void pdvHeaderCarriesCommandAndLastBits() {
        byte[] b = writer.encode(new PDataTf(List.of(new Pdv(5, true, true, new byte[] {42}))));
        assertThat(b).containsExactly(4, 0, 0, 0, 0, 7, 0, 0, 0, 3, 5, 3, 42);
    }

    @Test
    void singlePdvWriterMatchesTheRecordEncoding() throws Exception {
        byte[] data = {1, 2, 3, 4, 5, 6};
        var out = new ByteArrayOutputStream();
        writer.writeSinglePdv(3, false, true, data, 1, 4, out);
        assertThat(out.toByteArray()).isEqualTo(writer.encode(new PDataTf(List.of(
                new Pdv(3, false, true, new byte[] {2, 3, 4, 5})))));
    }

    @Test
    void uidsPaddedWithNulByOtherImplementationsAreTrimmed() throws Exception {
        AAssociateRq rq = PduSamples.rq();
        byte[] bytes = writer.encode(rq);
        String s = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        // re-encode the application context item with an odd-length UID padded by a NUL
        assertThat(s).contains(AAssociateRq.DICOM_APPLICATION_CONTEXT);
        UserInformation ui = rq.userInformation();
        assertThat(ui.maximumLength()).isEqualTo(16_384);
        assertThat(ui.implementationClassUid()).contains("1.2.3.4.5");
        assertThat(ui.implementationVersionName()).contains("TEST_1");
        assertThat(ui.roleSelection(PduSamples.STGCMT)).contains(new ScpScuRoleSelection(PduSamples.STGCMT, false, true));
        byte[] padded = {0x10, 0, 0, 4, '1', '.', '2', 0};
        var c = new WireCursor(ByteBuffer.wrap(padded, 4, 4).slice(), 0);
        assertThat(c.ascii(4, "uid")).isEqualTo("1.2");
    }

    @Test
    void unknownTopLevelItemsAreSkippedAndUnknownUserInfoItemsKept() throws Exception {
        byte[] bytes = writer.encode(PduSamples.rq());
        // insert an unknown item (type 0x7E) right after the fixed fields
        byte[] unknown = {0x7E, 0, 0, 2, 1, 2};
        byte[] patched = new byte[bytes.length + unknown.length];
        System.arraycopy(bytes, 0, patched, 0, 74);
        System.arraycopy(unknown, 0, patched, 74, unknown.length);
        System.arraycopy(bytes, 74, patched, 80, bytes.length - 74);
        ByteBuffer.wrap(patched).putInt(2, patched.length - 6);
        AAssociateRq decoded = (AAssociateRq) reader.decode(ByteBuffer.wrap(patched));
        assertThat(decoded).isEqualTo(PduSamples.rq());
        assertThat(decoded.userInformation().all(UnknownUserInfoItem.class)).singleElement()
                .isEqualTo(new UnknownUserInfoItem(0x7F, new byte[] {9, 8, 7}));
    }
}
