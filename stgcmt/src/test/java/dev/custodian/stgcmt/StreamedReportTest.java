package dev.custodian.stgcmt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.dicom.dict.Uid;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The streamed Event Information decodes, with the data set codec, to the same result. */
class StreamedReportTest {
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";

    @ParameterizedTest
    @ValueSource(strings = {Uid.ExplicitVRLittleEndian, Uid.ImplicitVRLittleEndian})
    void roundTripsThroughTheCodec(String ts) throws Exception {
        List<SopReference> ok = new ArrayList<>();
        List<FailedReference> ko = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            ok.add(new SopReference(CT, "1.2.3." + i));
            ko.add(new FailedReference(new SopReference(CT, "1.2.4.1" + i), FailureReason.of(i % 2 == 0 ? 0x0112 : 0x0110)));
        }
        CommitmentReport report = new CommitmentReport("1.2.9.99", "CUSTODIAN", ok, ko);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamedReport streamed = StreamedReport.of(report);
        streamed.writeTo(out, ts);
        CommitmentReport back = new EventInformationCodec(10_000).read(new ByteArrayInputStream(out.toByteArray()), ts,
                streamed.eventTypeId());
        assertThat(back).isEqualTo(report);
        assertThat(streamed.eventTypeId()).isEqualTo(2);
    }

    @Test
    void allCommittedIsEventType1AndOddValuesArePadded() throws Exception {
        CommitmentReport report = new CommitmentReport("1.2.9.9", "AE1", List.of(new SopReference(CT, "1.2.3")),
                List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamedReport.of(report).writeTo(out, Uid.ExplicitVRLittleEndian);
        assertThat(out.size() % 2).isZero();
        assertThat(StreamedReport.of(report).eventTypeId()).isEqualTo(1);
        assertThat(new EventInformationCodec().read(new ByteArrayInputStream(out.toByteArray()),
                Uid.ExplicitVRLittleEndian, 1)).isEqualTo(report);
    }

    @Test
    void refusesOtherTransferSyntaxesAndEmptyResults() {
        CommitmentReport report = new CommitmentReport("1.2.9.9", null, List.of(new SopReference(CT, "1.2.3")),
                List.of());
        assertThatThrownBy(() -> StreamedReport.of(report).writeTo(new ByteArrayOutputStream(), "1.2.840.10008.1.2.2"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StreamedReport("1.2.3", null, 0, 0, StreamedReport.of(report).items()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
