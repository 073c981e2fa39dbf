package dev.custodian.stgcmt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.dicom.data.DataSet;
import dev.custodian.dicom.data.VR;
import dev.custodian.dicom.dict.Tag;
import dev.custodian.dicom.dict.Uid;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventInformationCodecTest {
    static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    static final SopReference A = new SopReference(CT, "1.2.3.1");
    static final SopReference B = new SopReference(CT, "1.2.3.2");
    static final SopReference C = new SopReference(CT, "1.2.3.3");
    private final EventInformationCodec codec = new EventInformationCodec(10);

    static CommitmentReport failures() {
        return new CommitmentReport("1.2.9.1", "ARCHIVE", List.of(A),
                List.of(new FailedReference(B, FailureReason.NO_SUCH_OBJECT_INSTANCE),
                        new FailedReference(C, FailureReason.of(0xC123))));
    }

    @ParameterizedTest
    @ValueSource(strings = {Uid.ImplicitVRLittleEndian, Uid.ExplicitVRLittleEndian, Uid.ExplicitVRBigEndian,
            Uid.DeflatedExplicitVRLittleEndian})
    void roundTripOfBothEventTypes(String ts) throws Exception {
        CommitmentReport ok = new CommitmentReport("1.2.9.1", null, List.of(A, B), List.of());
        assertThat(codec.read(new ByteArrayInputStream(codec.write(ok, ts)), ts, 1)).isEqualTo(ok);
        CommitmentReport ko = failures();
        assertThat(codec.read(new ByteArrayInputStream(codec.write(ko, ts)), ts, 2)).isEqualTo(ko);
    }

    @Test
    void encodesTheAttributesOfTableJ32() {
        DataSet ds = codec.encode(failures());
        assertThat(ds.getString(Tag.TransactionUID)).contains("1.2.9.1");
        assertThat(ds.getString(Tag.RetrieveAETitle)).contains("ARCHIVE");
        assertThat(ds.getSequence(Tag.ReferencedSOPSequence)).hasSize(1);
        DataSet failed = ds.getSequence(Tag.FailedSOPSequence).get(0);
        assertThat(failed.getString(Tag.ReferencedSOPInstanceUID)).contains("1.2.3.2");
        assertThat(failed.getInt(Tag.FailureReason)).hasValue(0x0112);
        assertThat(failed.get(Tag.FailureReason).orElseThrow().vr()).isEqualTo(VR.US);
    }

    @Test
    void emptySequencesAreNotWritten() {
        DataSet ok = codec.encode(new CommitmentReport("1.2.9.1", null, List.of(A), List.of()));
        assertThat(ok.contains(Tag.FailedSOPSequence)).isFalse();
        assertThat(ok.contains(Tag.RetrieveAETitle)).isFalse();
        DataSet allFailed = codec.encode(new CommitmentReport("1.2.9.1", null, List.of(),
                List.of(new FailedReference(A, FailureReason.PROCESSING_FAILURE))));
        assertThat(allFailed.contains(Tag.ReferencedSOPSequence)).isFalse();
    }

    @Test
    void eventTypeMustMatchTheContent() {
        CommitmentFormatException e = failure(codec.encode(failures()), 1);
        assertThat(e.status().code()).isEqualTo(0x0115);
        assertThat(e.tag()).isEqualTo(Tag.FailedSOPSequence);
        assertThat(failure(codec.encode(new CommitmentReport("1.2.9.1", null, List.of(A), List.of())), 2)
                .status().code()).isEqualTo(0x0115);
        assertThat(failure(codec.encode(failures()), 3).status().code()).isEqualTo(0x0113);
    }

    @Test
    void failureReasonMustBeANonZeroCode() {
        DataSet missing = codec.encode(failures());
        missing.getSequence(Tag.FailedSOPSequence).get(1).remove(Tag.FailureReason);
        CommitmentFormatException e = failure(missing, 2);
        assertThat(e.tag()).isEqualTo(Tag.FailureReason);
        assertThat(e).hasMessageContaining("item 2 of (0008,1198)");
        DataSet zero = codec.encode(failures());
        zero.getSequence(Tag.FailedSOPSequence).get(0).setInt(Tag.FailureReason, VR.US, 0);
        assertThat(failure(zero, 2)).hasMessageContaining("is 0");
    }

    @Test
    void reportWithoutAnyReferenceOrTransactionIsInvalid() {
        DataSet ds = new DataSet().setString(Tag.TransactionUID, VR.UI, "1.2.9.1");
        assertThat(failure(ds, 1)).hasMessageContaining("Neither");
        DataSet noTx = codec.encode(failures());
        noTx.remove(Tag.TransactionUID);
        assertThat(failure(noTx, 2).tag()).isEqualTo(Tag.TransactionUID);
    }

    @Test
    void tooManyReferencesIsAResourceLimitation() {
        EventInformationCodec small = new EventInformationCodec(2);
        CommitmentFormatException e = org.junit.jupiter.api.Assertions.assertThrows(CommitmentFormatException.class,
                () -> small.decode(codec.encode(failures()), 2));
        assertThat(e.status().code()).isEqualTo(0x0213);
    }

    @Test
    void badRetrieveAeTitleIsInvalid() {
        DataSet ds = codec.encode(failures()).setString(Tag.RetrieveAETitle, VR.AE, "AE_TITLE_TOO_LONG_X");
        CommitmentFormatException e = failure(ds, 2);
        assertThat(e.tag()).isEqualTo(Tag.RetrieveAETitle);
    }

    private CommitmentFormatException failure(DataSet ds, int eventType) {
        try {
            codec.decode(ds, eventType);
        } catch (CommitmentFormatException e) {
            return e;
        }
        throw new AssertionError("decoded " + ds);
    }
}
