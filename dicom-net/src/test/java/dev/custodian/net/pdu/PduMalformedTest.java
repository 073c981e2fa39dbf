package dev.custodian.net.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed input of every PDU type gives a clean {@link PduFormatException} or EOF, never more. */
class PduMalformedTest {

    private final PduWriter writer = new PduWriter();
    private final PduReader reader = new PduReader(new PduLimits(16_384, 65_536, 64));

    static List<Pdu> samples() {
        return PduSamples.all();
    }

    private PduFormatException decodeFails(byte[] bytes) {
        return (PduFormatException) org.assertj.core.api.Assertions.catchThrowable(
                () -> reader.decode(ByteBuffer.wrap(bytes)));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyTruncationIsEofOnAStreamAndAFormatErrorOnABuffer(Pdu pdu) {
        byte[] bytes = writer.encode(pdu);
        for (int n = 1; n < bytes.length; n++) {
            byte[] cut = Arrays.copyOf(bytes, n);
            assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(cut))).isInstanceOf(EOFException.class);
            assertThatThrownBy(() -> reader.decode(ByteBuffer.wrap(cut))).isInstanceOf(PduFormatException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void pduLengthShorterThanTheContentIsRejectedOrLeavesTrailingBytes(Pdu pdu) {
        byte[] bytes = writer.encode(pdu);
        ByteBuffer.wrap(bytes).putInt(2, bytes.length - 6 - 1);
        try {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            reader.decode(buf);
            assertThat(buf.remaining()).isEqualTo(1); // only possible when the last byte was an optional part
        } catch (PduFormatException e) {
            assertThat(e.getMessage()).contains("offset");
        }
    }

    @Test
    void fixedLengthPdusMustBeFourBytes() {
        for (int type : new int[] {3, 5, 6, 7}) {
            PduFormatException e = decodeFails(new byte[] {(byte) type, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0});
            assertThat(e.abortReason()).isEqualTo(AbortReason.INVALID_PDU_PARAMETER_VALUE);
            assertThat(e.offset()).isEqualTo(2);
            assertThat(e.getMessage()).contains("length 5");
        }
    }

    @Test
    void unknownPduTypeIsUnrecognizedPdu() {
        PduFormatException e = decodeFails(new byte[] {0x0A, 0, 0, 0, 0, 0});
        assertThat(e.abortReason()).isEqualTo(AbortReason.UNRECOGNIZED_PDU);
        assertThat(e.offset()).isZero();
        assertThat(e.getMessage()).contains("0AH");
    }

    @Test
    void fourGigabyteLengthIsRejectedFromTheHeaderAlone() {
        InputStream endless = new InputStream() {
            private int i;

            @Override
            public int read() {
                return i++ == 0 ? 4 : 0xFF;
            }
        };
        assertThatThrownBy(() -> reader.read(endless)).isInstanceOf(PduFormatException.class)
                .hasMessageContaining("4294967295");
        PduFormatException e = decodeFails(new byte[] {1, 0, -1, -1, -1, -1});
        assertThat(e.abortReason()).isEqualTo(AbortReason.INVALID_PDU_PARAMETER_VALUE);
    }

    @Test
    void pDataLongerThanOurMaximumIsRejected() {
        byte[] big = writer.encode(new PDataTf(List.of(new Pdv(1, false, true, new byte[16_384]))));
        assertThat(decodeFails(big).getMessage()).contains("allowed 6..16384");
    }

    @Test
    void pdvItemLengthBeyondThePduIsRejectedWithItsOffset() {
        byte[] b = writer.encode(new PDataTf(List.of(new Pdv(1, true, true, new byte[10]))));
        ByteBuffer.wrap(b).putInt(6, 100);
        PduFormatException e = decodeFails(b);
        assertThat(e.offset()).isEqualTo(6);
        assertThat(e.getMessage()).contains("PDV item length 100");
    }

    @Test
    void pdvItemLengthBelowTwoAndEvenContextIdAreRejected() {
        byte[] b = writer.encode(new PDataTf(List.of(new Pdv(1, true, true, new byte[4]))));
        ByteBuffer.wrap(b).putInt(6, 1);
        assertThat(decodeFails(b).getMessage()).contains("PDV item length 1");
        byte[] even = writer.encode(new PDataTf(List.of(new Pdv(1, true, true, new byte[4]))));
        even[10] = 2;
        assertThat(decodeFails(even).getMessage()).contains("even presentation context ID 2");
    }

    @Test
    void associateItemLengthBeyondThePduIsRejected() {
        byte[] b = writer.encode(PduSamples.rq());
        // the application context item starts at 74; claim 60000 bytes
        ByteBuffer.wrap(b).putShort(76, (short) 60000);
        PduFormatException e = decodeFails(b);
        assertThat(e.abortReason()).isEqualTo(AbortReason.INVALID_PDU_PARAMETER_VALUE);
        assertThat(e.getMessage()).contains("item 10H length 60000 exceeds");
    }

    @Test
    void presentationContextSubItemLengthBeyondItsItemIsRejectedWithItsType() {
        byte[] b = writer.encode(PduSamples.rq());
        // the application context item (74) is 4 + 21 bytes; the presentation context item follows
        // at 99, its abstract syntax sub-item at 107: claim 60000 bytes for it
        assertThat(b[99]).isEqualTo((byte) 0x20);
        assertThat(b[107]).isEqualTo((byte) 0x30);
        ByteBuffer.wrap(b).putShort(109, (short) 60000);
        PduFormatException e = decodeFails(b);
        assertThat(e.abortReason()).isEqualTo(AbortReason.INVALID_PDU_PARAMETER_VALUE);
        assertThat(e.getMessage()).contains("sub-item 30H length 60000 exceeds");
    }

    @Test
    void userInfoSubItemWithWrongLengthIsRejected() {
        byte[] b = writer.encode(new AAssociateRq(1, "A", "B", AAssociateRq.DICOM_APPLICATION_CONTEXT, List.of(),
                new UserInformation(List.of(new MaximumLength(5)))));
        // user information item: 50 00 00 08 | 51 00 00 04 00 00 00 05 -> say 3 bytes instead of 4
        int at = b.length - 8;
        assertThat(b[at]).isEqualTo((byte) 0x51);
        ByteBuffer buf = ByteBuffer.wrap(b);
        buf.putShort(at + 2, (short) 3);
        PduFormatException e = decodeFails(b);
        assertThat(e.getMessage()).contains("maximum length needs 4 bytes");
    }

    @Test
    void missingApplicationContextAndMissingAbstractSyntaxAreRejected() {
        byte[] noContext = new byte[6 + 68];
        noContext[0] = 1;
        noContext[5] = 68;
        Arrays.fill(noContext, 10, 42, (byte) 'A');
        assertThat(decodeFails(noContext).getMessage()).contains("no application context");

        byte[] b = writer.encode(new AAssociateRq(1, "A", "B", AAssociateRq.DICOM_APPLICATION_CONTEXT,
                List.of(new PresentationContextRq(1, "1.2", List.of("1.2.3"))), new UserInformation(List.of())));
        int pc = indexOf(b, (byte) 0x20);
        b[pc + 8] = 0x40; // the abstract syntax sub-item becomes a second transfer syntax
        assertThat(decodeFails(b).getMessage()).contains("presentation context 1 has no abstract syntax");
    }

    @Test
    void unknownSubItemInsideAPresentationContextIsUnrecognizedParameter() {
        byte[] b = writer.encode(new AAssociateRq(1, "A", "B", AAssociateRq.DICOM_APPLICATION_CONTEXT,
                List.of(new PresentationContextRq(1, "1.2", List.of("1.2.3"))), new UserInformation(List.of())));
        int pc = indexOf(b, (byte) 0x20);
        b[pc + 8] = 0x33;
        PduFormatException e = decodeFails(b);
        assertThat(e.abortReason()).isEqualTo(AbortReason.UNRECOGNIZED_PDU_PARAMETER);
        assertThat(e.offset()).isEqualTo(pc + 8);
    }

    @Test
    void acceptorContextItemInARequestIsUnexpected() {
        byte[] b = writer.encode(new AAssociateRq(1, "A", "B", AAssociateRq.DICOM_APPLICATION_CONTEXT,
                List.of(new PresentationContextRq(1, "1.2", List.of("1.2.3"))), new UserInformation(List.of())));
        b[indexOf(b, (byte) 0x20)] = 0x21;
        assertThat(decodeFails(b).abortReason()).isEqualTo(AbortReason.UNEXPECTED_PDU_PARAMETER);
    }

    @Test
    void tooManyItemsAreRejected() {
        List<PresentationContextRq> many = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add(new PresentationContextRq(2 * i + 1, "1.2", List.of("1.2.3")));
        }
        byte[] b = writer.encode(new AAssociateRq(1, "A", "B", AAssociateRq.DICOM_APPLICATION_CONTEXT, many,
                new UserInformation(List.of())));
        assertThat(decodeFails(b).getMessage()).contains("more than 64 items");
    }

    @Test
    void invalidRejectAndAbortCodesAreRejected() {
        assertThat(decodeFails(new byte[] {3, 0, 0, 0, 0, 4, 0, 9, 1, 1}).getMessage()).contains("result 9");
        assertThat(decodeFails(new byte[] {3, 0, 0, 0, 0, 4, 0, 1, 9, 1}).getMessage()).contains("source 9");
        assertThat(decodeFails(new byte[] {7, 0, 0, 0, 0, 4, 0, 0, 9, 0}).getMessage()).contains("source 9");
    }

    @Test
    void invalidPresentationContextResultIsRejected() {
        byte[] b = writer.encode(PduSamples.ac());
        int pc = indexOf(b, (byte) 0x21);
        b[pc + 6] = 9;
        assertThat(decodeFails(b).getMessage()).contains("presentation context result 9");
    }

    private static int indexOf(byte[] b, byte itemType) {
        for (int i = 74; i < b.length; ) {
            if (b[i] == itemType) {
                return i;
            }
            i += 4 + (((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF));
        }
        throw new AssertionError("no item " + itemType);
    }
}
