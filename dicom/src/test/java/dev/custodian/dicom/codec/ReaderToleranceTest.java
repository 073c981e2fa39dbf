package dev.custodian.dicom.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.dicom.data.DataElement;
import dev.custodian.dicom.data.DataSet;
import dev.custodian.dicom.data.DicomFormatException;
import dev.custodian.dicom.data.InlineBytes;
import dev.custodian.dicom.data.VR;
import dev.custodian.dicom.dict.Tag;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What real devices send (see the policy in {@link DicomReader}). */
class ReaderToleranceTest {
    static DataSet read(byte[] b, TransferSyntax ts) throws IOException {
        return new DicomReader(new ByteArrayInputStream(b), ts, DicomReaderOptions.DEFAULT).readDataSet();
    }

    static DataSet explicit(Bytes b) throws IOException {
        return read(b.toArray(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    }

    @Test
    void uidSentAsShortStringKeepsItsBytesAndGetsTheDictionaryVr() throws IOException {
        DataSet ds = explicit(new Bytes().shortElement(Tag.SOPInstanceUID, "SH", "1.2.3\0"));
        DataElement e = ds.get(Tag.SOPInstanceUID).orElseThrow();
        assertThat(e.vr()).isEqualTo(VR.UI);
        assertThat(e.value()).isEqualTo(new InlineBytes("1.2.3\0".getBytes()));
        assertThat(ds.getString(Tag.SOPInstanceUID)).contains("1.2.3");
    }

    @Test
    void binaryVrDisagreeingWithTheDictionaryIsKept() throws IOException {
        DataSet ds = explicit(new Bytes().tag(Tag.Rows).ascii("SS").u16(2).u16(0xFFFF));
        assertThat(ds.get(Tag.Rows).orElseThrow().vr()).isEqualTo(VR.SS);
        assertThat(ds.getInt(Tag.Rows)).hasValue(-1);
    }

    @Test
    void unknownVrOfAKnownTextTagIsReinterpreted() throws IOException {
        DataSet ds = explicit(new Bytes().longHeader(Tag.PatientName, "UN", 8).ascii("Doe^John"));
        assertThat(ds.get(Tag.PatientName).orElseThrow().vr()).isEqualTo(VR.PN);
        assertThat(ds.getString(Tag.PatientName)).contains("Doe^John");
    }

    @Test
    void unknownVrSequenceOfUndefinedLengthIsReadAsImplicitLittleEndian() throws IOException {
        Bytes b = new Bytes().longHeader(Tag.ReferencedSeriesSequence, "UN", 0xFFFFFFFFL)
                .item(0xFFFFFFFFL).implicitHeader(Tag.SeriesInstanceUID, 8).ascii("1.2.3.4\0").itemEnd()
                .sequenceEnd()
                .shortElement(Tag.SeriesNumber, "IS", "7 ");
        DataSet ds = explicit(b);
        assertThat(ds.get(Tag.ReferencedSeriesSequence).orElseThrow().vr()).isEqualTo(VR.SQ);
        assertThat(ds.getItem(Tag.ReferencedSeriesSequence, 0).flatMap(i -> i.getString(Tag.SeriesInstanceUID)))
                .contains("1.2.3.4");
        assertThat(ds.getInt(Tag.SeriesNumber)).hasValue(7);
    }

    @Test
    void unknownVrSequenceOfDefinedLengthIsParsedWhenItParses() throws IOException {
        Bytes b = new Bytes().longHeader(Tag.ReferencedSeriesSequence, "UN", 24)
                .item(16).implicitHeader(Tag.SeriesInstanceUID, 8).ascii("1.2.3.4\0");
        DataSet ds = explicit(b);
        assertThat(ds.getItem(Tag.ReferencedSeriesSequence, 0).flatMap(i -> i.getString(Tag.SeriesInstanceUID)))
                .contains("1.2.3.4");
    }

    @Test
    void unknownVrSequenceThatDoesNotParseIsKeptAsBytes() throws IOException {
        Bytes b = new Bytes().longHeader(Tag.ReferencedSeriesSequence, "UN", 6).raw(1, 2, 3, 4, 5, 6);
        DataElement e = explicit(b).get(Tag.ReferencedSeriesSequence).orElseThrow();
        assertThat(e.vr()).isEqualTo(VR.UN);
        assertThat(e.value()).isEqualTo(new InlineBytes(new byte[] {1, 2, 3, 4, 5, 6}));
    }

    @Test
    void oddLengthIsAccepted() throws IOException {
        DataSet ds = explicit(new Bytes().shortElement(Tag.PatientID, "LO", "ABC").shortElement(Tag.PatientSex, "CS", "M "));
        assertThat(ds.getString(Tag.PatientID)).contains("ABC");
        assertThat(ds.getString(Tag.PatientSex)).contains("M");
    }

    @Test
    void zeroPaddingAfterTheDataSetIsAcceptedButNotOtherTrailingBytes() throws IOException {
        Bytes b = new Bytes().shortElement(Tag.PatientID, "LO", "AB").raw(new byte[64]);
        assertThat(explicit(b).getString(Tag.PatientID)).contains("AB");
        Bytes bad = new Bytes().shortElement(Tag.PatientID, "LO", "AB").raw(new byte[10]).raw(7);
        assertThatThrownBy(() -> explicit(bad)).isInstanceOf(DicomFormatException.class)
                .hasMessageContaining("offset 20");
    }

    @Test
    void straySequenceDelimiterIsSkipped() throws IOException {
        Bytes b = new Bytes().shortElement(Tag.PatientID, "LO", "AB").sequenceEnd().shortElement(Tag.PatientSex, "CS", "F ");
        DataSet ds = explicit(b);
        assertThat(ds.size()).isEqualTo(2);
    }

    @Test
    void groupLengthsAreReadAndDroppedOnWriteUnlessKept() throws IOException {
        Bytes b = new Bytes().tag(0x00100000).ascii("UL").u16(4).u32(10).shortElement(Tag.PatientID, "LO", "AB");
        DataSet ds = explicit(b);
        assertThat(ds.getLong(0x00100000)).hasValue(10);
        byte[] dropped = DicomWriter.toBytes(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertThat(dropped).hasSize(10);
        var out = new java.io.ByteArrayOutputStream();
        new DicomWriter(out, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, DicomWriterOptions.DEFAULT.withKeepGroupLengths(true))
                .writeDataSet(ds);
        assertThat(out.toByteArray()).isEqualTo(b.toArray());
    }

    @Test
    void privateElementsAreKeptByteExact() throws IOException {
        Bytes b = new Bytes()
                .shortElement(0x00090010, "LO", "ACME 1.0")
                .tag(0x00091001).ascii("OB").u16(0).u32(4).raw(0xDE, 0xAD, 0xBE, 0xEF)
                .longHeader(0x00091002, "UN", 6).raw(1, 2, 3, 4, 5, 6)
                .longHeader(0x00091003, "SQ", 18).item(10).shortElement(0x00091004, "SH", "XY")
                .tag(0x00091005).ascii("US").u16(4).u16(0x0102).u16(0x0304);
        byte[] in = b.toArray();
        assertThat(DicomWriter.toBytes(explicit(b), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)).isEqualTo(in);
    }

    @Test
    void implicitPrivateSequenceOfUndefinedLengthIsRead() throws IOException {
        Bytes b = new Bytes().implicitHeader(0x00090010, 4).ascii("ACME")
                .implicitHeader(0x00091010, 0xFFFFFFFFL).item(0xFFFFFFFFL).implicitHeader(0x00091011, 2).ascii("AB")
                .itemEnd().sequenceEnd();
        DataSet ds = read(b.toArray(), TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        assertThat(ds.getItem(0x00091010, 0).flatMap(i -> i.getBytes(0x00091011))).hasValueSatisfying(
                v -> assertThat(v).containsExactly('A', 'B'));
    }

    @Test
    void privateSequencesSurviveImplicitVrWithDefinedLengths() throws IOException {
        DataSet item = new DataSet().setBytes(0x00091011, VR.UN, new byte[] {1, 2});
        DataSet ds = new DataSet().setString(0x00090010, VR.LO, "ACME").setSequence(0x00091010, List.of(item))
                .setSequence(Tag.ContentSequence, List.of(new DataSet().setString(Tag.CodeValue, VR.SH, "X")));
        byte[] b = DicomWriter.toBytes(ds, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        // (0009,0010) LO "ACME" = 8 + 4; (0009,1010) header 8, defined length 8 (item) + 10 (UN 2 bytes)
        byte[] expectedPrivate = new Bytes().implicitHeader(0x00090010, 4).ascii("ACME")
                .implicitHeader(0x00091010, 18).item(10).implicitHeader(0x00091011, 2).raw(1, 2).toArray();
        assertThat(Arrays.copyOf(b, expectedPrivate.length)).isEqualTo(expectedPrivate);
        // the standard sequence keeps its defined length too: 8 (header) + 8 (item) + 10 (CodeValue "X ")
        assertThat(b).hasSize(expectedPrivate.length + 26);
        DataSet back = read(b, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        assertThat(back).isEqualTo(ds);
        assertThat(DicomWriter.toBytes(back, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN)).isEqualTo(b);
    }

    @Test
    void binaryValueThatOnlyStartsLikeAnItemStaysUnByteForByte() throws IOException {
        // FE FF 00 E0, item length 4 (fits), then 4 bytes that are not an element header + value
        byte[] value = {(byte) 0xFE, (byte) 0xFF, 0x00, (byte) 0xE0, 4, 0, 0, 0, 1, 2, 3, 4, 9, 9};
        DataSet ds = read(new Bytes().implicitHeader(0x00090010, 4).ascii("ACME")
                .implicitHeader(0x00091001, value.length).raw(value).implicitHeader(Tag.PatientID, 2).ascii("AB")
                .toArray(), TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        DataElement e = ds.get(0x00091001).orElseThrow();
        assertThat(e.vr()).isEqualTo(VR.UN);
        assertThat(((InlineBytes) e.value()).bytes()).isEqualTo(value);
        assertThat(ds.getString(Tag.PatientID)).hasValue("AB");
        // an item length longer than the value is not even tried
        byte[] tooLong = {(byte) 0xFE, (byte) 0xFF, 0x00, (byte) 0xE0, 100, 0, 0, 0};
        DataSet ds2 = read(new Bytes().implicitHeader(0x00091001, 8).raw(tooLong).toArray(),
                TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        assertThat(ds2.getBytes(0x00091001)).hasValueSatisfying(v -> assertThat(v).isEqualTo(tooLong));
    }

    @Test
    void nestedPrivateSequencesWithDefinedLengthsAreRead() throws IOException {
        DataSet leaf = new DataSet().setBytes(0x00091012, VR.UN, new byte[] {7, 8, 9, 0});
        DataSet middle = new DataSet().setSequence(0x00091011, List.of(leaf, new DataSet()));
        DataSet ds = new DataSet().setString(0x00090010, VR.LO, "ACME").setSequence(0x00091010, List.of(middle));
        byte[] b = DicomWriter.toBytes(ds, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        DataSet back = read(b, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        assertThat(back).isEqualTo(ds);
        assertThat(back.get(0x00091010).orElseThrow().vr()).isEqualTo(VR.SQ);
        assertThat(back.getItem(0x00091010, 0).orElseThrow().getSequence(0x00091011)).hasSize(2);
        // and inside a UN value of a dictionary SQ sent in Explicit VR (read as Implicit VR items)
        byte[] items = Arrays.copyOfRange(DicomWriter.toBytes(new DataSet().setSequence(Tag.ContentSequence,
                List.of(ds)), TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN), 8, b.length + 16);
        DataSet explicit = explicit(new Bytes().longHeader(Tag.ContentSequence, "UN", items.length).raw(items));
        assertThat(explicit.getItem(Tag.ContentSequence, 0)).hasValue(ds);
    }

    @Test
    void definedLengthPrivateSequenceInsideAnUndefinedLengthItem() throws IOException {
        byte[] inner = new Bytes().item(10).implicitHeader(0x00091011, 2).raw(5, 6).toArray();
        byte[] b = new Bytes().implicitHeader(Tag.ContentSequence, 0xFFFFFFFFL).item(0xFFFFFFFFL)
                .implicitHeader(0x00091010, inner.length).raw(inner)
                .implicitHeader(Tag.CodeValue, 2).ascii("X ")
                .itemEnd().sequenceEnd().implicitHeader(Tag.PatientID, 2).ascii("AB").toArray();
        DataSet ds = read(b, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        DataSet item = ds.getItem(Tag.ContentSequence, 0).orElseThrow();
        assertThat(item.get(0x00091010).orElseThrow().vr()).isEqualTo(VR.SQ);
        assertThat(item.getItem(0x00091010, 0).orElseThrow().getBytes(0x00091011))
                .hasValueSatisfying(v -> assertThat(v).containsExactly(5, 6));
        assertThat(item.getString(Tag.CodeValue)).hasValue("X");
        assertThat(ds.getString(Tag.PatientID)).hasValue("AB");
    }

    @Test
    void bigEndianSwapsBinaryValuesOnTheWire() throws IOException {
        DataSet ds = new DataSet().setInt(Tag.Rows, VR.US, 0x0102).setInt(Tag.FrameIncrementPointer, VR.AT, 0x00181063)
                .setString(Tag.PatientID, VR.LO, "AB");
        byte[] be = DicomWriter.toBytes(ds, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN);
        byte[] expected = new Bytes().bigEndian().shortElement(Tag.PatientID, "LO", "AB")
                .tag(Tag.FrameIncrementPointer).ascii("AT").u16(4).u16(0x0018).u16(0x1063)
                .tag(Tag.Rows).ascii("US").u16(2).u16(0x0102).toArray();
        assertThat(be).isEqualTo(expected);
        assertThat(read(be, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN)).isEqualTo(ds);
    }

    @Test
    void deflatedStreamIsRawDeflateOfExplicitLittleEndian() throws Exception {
        DataSet ds = Samples.image();
        byte[] deflated = DicomWriter.toBytes(ds, TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
        java.util.zip.Inflater inflater = new java.util.zip.Inflater(true);
        inflater.setInput(deflated);
        byte[] inflated = new byte[1 << 16];
        int n = inflater.inflate(inflated);
        assertThat(inflater.finished()).isTrue();
        assertThat(java.util.Arrays.copyOf(inflated, n))
                .isEqualTo(DicomWriter.toBytes(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
    }

    @Test
    void sequencesNestedFiveDeepRoundTripInEverySyntax() throws IOException {
        DataSet root = new DataSet().setString(Tag.PatientID, VR.LO, "P0");
        DataSet level = root;
        for (int i = 1; i <= 5; i++) {
            DataSet child = new DataSet().setString(Tag.CodeValue, VR.SH, "L" + i);
            level.setSequence(Tag.ContentSequence, List.of(child, new DataSet().setString(Tag.CodeMeaning, VR.LO, "x")));
            level = child;
        }
        for (TransferSyntax ts : Samples.NATIVE) {
            for (boolean undefined : new boolean[] {false, true}) {
                DataSet back = RoundTripTest.roundTrip(root, ts, DicomWriterOptions.DEFAULT.withUndefinedLengths(undefined));
                assertThat(back).as(ts.name() + " undefined=" + undefined).isEqualTo(root);
                DataSet deepest = back;
                for (int i = 0; i < 5; i++) {
                    deepest = deepest.getItem(Tag.ContentSequence, 0).orElseThrow();
                }
                assertThat(deepest.getString(Tag.CodeValue)).contains("L5");
            }
        }
    }
}
