package dev.custodian.dicom.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.dicom.data.DataSet;
import dev.custodian.dicom.dict.Tag;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RoundTripTest {
    static Stream<Arguments> syntaxesAndLengths() {
        return Samples.NATIVE.stream().flatMap(ts -> Stream.of(Arguments.of(ts, false), Arguments.of(ts, true)));
    }

    static DataSet roundTrip(DataSet ds, TransferSyntax ts, DicomWriterOptions w) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomWriter(out, ts, w).writeDataSet(ds);
        return new DicomReader(new ByteArrayInputStream(out.toByteArray()), ts, DicomReaderOptions.DEFAULT).readDataSet();
    }

    @ParameterizedTest
    @MethodSource("syntaxesAndLengths")
    void writeThenReadGivesTheSameDataSet(TransferSyntax ts, boolean undefined) throws IOException {
        DataSet ds = Samples.image();
        DataSet back = roundTrip(ds, ts, DicomWriterOptions.DEFAULT.withUndefinedLengths(undefined));
        assertThat(back).isEqualTo(ds);
        assertThat(back.getString(Tag.PatientName)).contains("Müller^Jürgen");
        assertThat(back.getStrings(Tag.ImageType)).containsExactly("ORIGINAL", "PRIMARY");
        assertThat(back.getInt(Tag.Rows)).hasValue(2);
        assertThat(back.getInt(0x00189219)).hasValue(-3);
        assertThat(back.getLong(0x00289001)).hasValue(4_000_000_000L);
        assertThat(back.getInt(Tag.FrameIncrementPointer)).hasValue(Tag.FrameTime);
        assertThat(back.getDoubles(Tag.PixelSpacing)).containsExactly(0.5, 0.25);
        assertThat(back.getItem(Tag.AnatomicRegionSequence, 0).flatMap(i -> i.getItem(Tag.AnatomicRegionModifierSequence, 0))
                .flatMap(i -> i.getString(Tag.CodeValue))).contains("T-D1100");
        // the item has no (0008,0005): it inherits ISO_IR 100 from the data set (PS3.5 §7.5)
        DataSet item = back.getItem(Tag.AnatomicRegionSequence, 0).orElseThrow();
        assertThat(item.getBytes(Tag.CodeMeaning).orElseThrow()).hasSize(8).contains((byte) 0xE4);
        assertThat(item.getString(Tag.CodeMeaning)).contains("Schädel");
    }

    @Test
    void encapsulatedPixelDataRoundTrips() throws IOException {
        DataSet ds = Samples.encapsulated();
        TransferSyntax jpeg = TransferSyntax.of("1.2.840.10008.1.2.4.50");
        assertThat(roundTrip(ds, jpeg, DicomWriterOptions.DEFAULT)).isEqualTo(ds);
    }
}
