package dev.custodian.stgcmt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.dicom.codec.DicomWriter;
import dev.custodian.dicom.codec.TransferSyntax;
import dev.custodian.dicom.data.DataSet;
import dev.custodian.dicom.data.VR;
import dev.custodian.dicom.dict.Tag;
import dev.custodian.dicom.dict.Uid;
import dev.custodian.net.dimse.DimseFailure;
import dev.custodian.net.dimse.Status;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ActionInformationCodecTest {
    static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private final ActionInformationCodec codec = new ActionInformationCodec(5);

    static CommitmentRequest request(int n) {
        List<SopReference> refs = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            refs.add(new SopReference(CT, "1.2.826.0.1.3680043.2." + i));
        }
        return new CommitmentRequest("1.2.826.0.1.3680043.9.77", refs);
    }

    @ParameterizedTest
    @ValueSource(strings = {Uid.ImplicitVRLittleEndian, Uid.ExplicitVRLittleEndian, Uid.ExplicitVRBigEndian,
            Uid.DeflatedExplicitVRLittleEndian})
    void roundTripInEachNativeSyntax(String ts) throws Exception {
        CommitmentRequest rq = new CommitmentRequest("1.2.826.0.1.3680043.9.77", request(3).references(),
                "DISC 7", "1.2.826.0.1.3680043.9.78");
        byte[] bytes = codec.write(rq, ts);
        assertThat(codec.read(new ByteArrayInputStream(bytes), ts)).isEqualTo(rq);
    }

    @Test
    void encodesTheAttributesOfTableJ31() {
        DataSet ds = codec.encode(request(2));
        assertThat(ds.getString(Tag.TransactionUID)).contains("1.2.826.0.1.3680043.9.77");
        assertThat(ds.getSequence(Tag.ReferencedSOPSequence)).hasSize(2);
        DataSet item = ds.getSequence(Tag.ReferencedSOPSequence).get(1);
        assertThat(item.getString(Tag.ReferencedSOPClassUID)).contains(CT);
        assertThat(item.getString(Tag.ReferencedSOPInstanceUID)).contains("1.2.826.0.1.3680043.2.2");
        assertThat(ds.contains(Tag.StorageMediaFileSetID)).isFalse();
        assertThat(ds.contains(Tag.StorageMediaFileSetUID)).isFalse();
    }

    @Test
    void sourceWritesInTheSyntaxAsked() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.source(request(1)).writeTo(out, Uid.ImplicitVRLittleEndian);
        assertThat(out.toByteArray()).isEqualTo(codec.write(request(1), Uid.ImplicitVRLittleEndian));
    }

    @Test
    void missingTransactionUidIsAnInvalidArgumentNamingTheElement() {
        DataSet ds = codec.encode(request(1));
        ds.remove(Tag.TransactionUID);
        CommitmentFormatException e = failure(ds);
        assertThat(e.status().code()).isEqualTo(0x0115);
        assertThat(e.tag()).isEqualTo(Tag.TransactionUID);
        assertThat(e).hasMessageContaining("(0008,1195) missing");
        DimseFailure f = e.toDimseFailure();
        assertThat(f.status().code()).isEqualTo(0x0115);
        assertThat(f.status().offendingElements()).containsExactly(Tag.TransactionUID);
        assertThat(f.status().errorComment()).contains("(0008,1195)");
    }

    @Test
    void emptyOrAbsentReferencedSopSequenceIsInvalid() {
        DataSet empty = codec.encode(request(1)).setSequence(Tag.ReferencedSOPSequence, List.of());
        assertThat(failure(empty)).hasMessageContaining("has no item")
                .extracting(CommitmentFormatException::tag).isEqualTo(Tag.ReferencedSOPSequence);
        DataSet absent = codec.encode(request(1));
        absent.remove(Tag.ReferencedSOPSequence);
        assertThat(failure(absent).status().code()).isEqualTo(0x0115);
        assertThat(failure(absent)).hasMessageContaining("missing");
    }

    @Test
    void itemWithoutInstanceUidNamesTheItem() {
        DataSet ds = codec.encode(request(3));
        ds.getSequence(Tag.ReferencedSOPSequence).get(2).remove(Tag.ReferencedSOPInstanceUID);
        CommitmentFormatException e = failure(ds);
        assertThat(e.status().code()).isEqualTo(0x0115);
        assertThat(e.tag()).isEqualTo(Tag.ReferencedSOPInstanceUID);
        assertThat(e).hasMessageContaining("item 3 of (0008,1199)");
    }

    @Test
    void malformedUidIsInvalid() {
        DataSet ds = codec.encode(request(1)).setString(Tag.TransactionUID, VR.UI, "1.2.abc");
        assertThat(failure(ds)).hasMessageContaining("not a valid UID");
        DataSet item = codec.encode(request(1));
        item.getSequence(Tag.ReferencedSOPSequence).get(0).setString(Tag.ReferencedSOPClassUID, VR.UI, "1..2");
        assertThat(failure(item).tag()).isEqualTo(Tag.ReferencedSOPClassUID);
    }

    @Test
    void referencedSopSequenceOfAnotherVrIsMistyped() {
        DataSet ds = codec.encode(request(1)).setBytes(Tag.ReferencedSOPSequence, VR.UN, new byte[] {1, 2});
        assertThat(failure(ds).status().code()).isEqualTo(0x0212);
    }

    @Test
    void moreReferencesThanTheLimitIsAResourceLimitation() {
        DataSet ds = new ActionInformationCodec(100).encode(request(6));
        CommitmentFormatException e = failure(ds);
        assertThat(e.status().code()).isEqualTo(0x0213);
        assertThat(e).hasMessageContaining("6 items, more than the 5 allowed");
    }

    @Test
    void badFileSetIdIsInvalid() {
        DataSet ds = codec.encode(request(1)).setString(Tag.StorageMediaFileSetID, VR.SH, "BAD\u0001ID");
        assertThat(failure(ds).status().code()).isEqualTo(0x0115);
    }

    @Test
    void undecodableBytesAreAProcessingFailure() {
        byte[] garbage = {0x08, 0x00, (byte) 0x95, 0x11, 'U', 'I', (byte) 0xFF, 0x7F, '1', '2'};
        assertThatThrownBy(() -> codec.read(new ByteArrayInputStream(garbage), Uid.ExplicitVRLittleEndian))
                .isInstanceOfSatisfying(CommitmentFormatException.class,
                        e -> assertThat(e.status()).isEqualTo(Status.PROCESSING_FAILURE));
    }

    @Test
    void unknownTransferSyntaxIsAProcessingFailure() {
        assertThatThrownBy(() -> codec.read(InputStream.nullInputStream(), "1.2.3.4.5"))
                .isInstanceOfSatisfying(CommitmentFormatException.class,
                        e -> assertThat(e).hasMessageContaining("1.2.3.4.5"));
    }

    @Test
    void oversizedDataSetIsRefusedBeforeItIsHeld() throws Exception {
        // A request padded with private elements (each below the value limit) far beyond what 1 reference needs.
        DataSet ds = new ActionInformationCodec(1).encode(request(1)).setBytes(0x00091010, VR.OB, new byte[30_000])
                .setBytes(0x00091011, VR.OB, new byte[30_000]).setBytes(0x00091012, VR.OB, new byte[30_000]);
        byte[] bytes = DicomWriter.toBytes(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        ActionInformationCodec small = new ActionInformationCodec(1);
        assertThatThrownBy(() -> small.read(new ByteArrayInputStream(bytes), Uid.ExplicitVRLittleEndian))
                .isInstanceOfSatisfying(CommitmentFormatException.class,
                        e -> assertThat(e.status().code()).isEqualTo(0x0213));
    }

    @Test
    void streamFailureIsNotAFormatProblem() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("association aborted");
            }
        };
        assertThatThrownBy(() -> codec.read(broken, Uid.ExplicitVRLittleEndian))
                .isInstanceOf(IOException.class).hasMessageContaining("association aborted");
    }

    @Test
    void streamedReadPassesEachReferenceInOrderAndSummarisesTheRest() throws Exception {
        CommitmentRequest rq = new CommitmentRequest("1.2.826.0.1.3680043.9.77", request(4).references(),
                "DISC 7", null);
        byte[] bytes = codec.write(rq, Uid.ExplicitVRLittleEndian);
        List<String> seen = new ArrayList<>();
        RequestSummary summary = codec.read(new ByteArrayInputStream(bytes), Uid.ExplicitVRLittleEndian,
                (position, ref) -> seen.add(position + " " + ref.sopInstanceUid()));
        assertThat(seen).containsExactly("0 1.2.826.0.1.3680043.2.1", "1 1.2.826.0.1.3680043.2.2",
                "2 1.2.826.0.1.3680043.2.3", "3 1.2.826.0.1.3680043.2.4");
        assertThat(summary).isEqualTo(new RequestSummary("1.2.826.0.1.3680043.9.77", 4, "DISC 7", null));
    }

    @Test
    void streamedReadStopsAtTheFirstReferenceBeyondTheLimit() throws Exception {
        byte[] bytes = new ActionInformationCodec(100).write(request(50), Uid.ImplicitVRLittleEndian);
        List<SopReference> seen = new ArrayList<>();
        assertThatThrownBy(() -> codec.read(new ByteArrayInputStream(bytes), Uid.ImplicitVRLittleEndian,
                (position, ref) -> seen.add(ref)))
                .isInstanceOfSatisfying(CommitmentFormatException.class, e -> {
                    assertThat(e.status().code()).isEqualTo(0x0213);
                    assertThat(e.tag()).isEqualTo(Tag.ReferencedSOPSequence);
                    assertThat(e).hasMessageContaining("more than the 5 items allowed");
                });
        assertThat(seen).hasSize(5);
    }

    @Test
    void streamedReadChecksTheTransactionUidBeforeAnyReference() throws Exception {
        DataSet ds = codec.encode(request(2));
        ds.remove(Tag.TransactionUID);
        byte[] bytes = DicomWriter.toBytes(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        List<SopReference> seen = new ArrayList<>();
        assertThatThrownBy(() -> codec.read(new ByteArrayInputStream(bytes), Uid.ExplicitVRLittleEndian,
                (position, ref) -> seen.add(ref)))
                .isInstanceOfSatisfying(CommitmentFormatException.class,
                        e -> assertThat(e.tag()).isEqualTo(Tag.TransactionUID));
        assertThat(seen).isEmpty();
    }

    @Test
    void streamedReadNamesABadItemAfterPassingTheGoodOnes() throws Exception {
        DataSet ds = codec.encode(request(3));
        ds.getSequence(Tag.ReferencedSOPSequence).get(2).setString(Tag.ReferencedSOPInstanceUID, VR.UI, "1..2");
        byte[] bytes = DicomWriter.toBytes(ds, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        List<SopReference> seen = new ArrayList<>();
        assertThatThrownBy(() -> codec.read(new ByteArrayInputStream(bytes), Uid.ImplicitVRLittleEndian,
                (position, ref) -> seen.add(ref)))
                .isInstanceOfSatisfying(CommitmentFormatException.class, e -> {
                    assertThat(e.status().code()).isEqualTo(0x0115);
                    assertThat(e).hasMessageContaining("item 3 of (0008,1199)");
                });
        assertThat(seen).hasSize(2);
    }

    @Test
    void limitMustBePositive() {
        assertThatThrownBy(() -> new ActionInformationCodec(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private CommitmentFormatException failure(DataSet ds) {
        try {
            codec.decode(ds);
        } catch (CommitmentFormatException e) {
            return e;
        }
        throw new AssertionError("decoded " + ds);
    }
}
