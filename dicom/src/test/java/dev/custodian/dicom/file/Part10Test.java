package dev.custodian.dicom.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.dicom.codec.DicomWriter;
import dev.custodian.dicom.codec.TransferSyntax;
import dev.custodian.dicom.data.DataSet;
import dev.custodian.dicom.data.DicomFormatException;
import dev.custodian.dicom.data.VR;
import dev.custodian.dicom.dict.Tag;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Part10Test {
    static DataSet sample() {
        DataSet ds = new DataSet();
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3.4");
        ds.setString(Tag.PatientName, VR.PN, "Doe^John");
        ds.setInt(Tag.Rows, VR.US, 512);
        return ds;
    }

    static byte[] file(DataSet ds, String ts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Part10Writer().write(out, FileMetaInformation.of("1.2.840.10008.5.1.4.1.1.7", "1.2.3.4", ts), ds);
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2", "1.2.840.10008.1.2.1.99"})
    void writesAndReadsFilesInEveryNativeSyntax(String ts) throws IOException {
        byte[] bytes = file(sample(), ts);
        assertThat(Arrays.copyOfRange(bytes, 0, 128)).containsOnly(0);
        assertThat(new String(bytes, 128, 4, "US-ASCII")).isEqualTo("DICM");
        DicomFile f = new Part10Reader().read(new ByteArrayInputStream(bytes));
        assertThat(f.dataSet()).isEqualTo(sample());
        assertThat(f.transferSyntax().uid()).isEqualTo(ts);
        FileMetaInformation meta = f.meta().orElseThrow();
        assertThat(meta.mediaStorageSopInstanceUid()).isEqualTo("1.2.3.4");
        assertThat(meta.implementationClassUid()).isEqualTo(FileMetaInformation.IMPLEMENTATION_CLASS_UID);
        assertThat(meta.implementationVersionName()).isEqualTo("CUSTODIAN_010");
        assertThat(f.fileMeta().getBytes(Tag.FileMetaInformationVersion)).hasValueSatisfying(
                v -> assertThat(v).containsExactly(0, 1));
    }

    @Test
    void groupLengthCountsTheMetaElementsAfterIt() throws IOException {
        byte[] bytes = file(sample(), "1.2.840.10008.1.2.1");
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(bb.getInt(132)).isEqualTo(0x00000002);
        assertThat(new String(bytes, 136, 2, "US-ASCII")).isEqualTo("UL");
        int groupLength = bb.getInt(140);
        int afterMeta = 144 + groupLength;
        assertThat(bb.getShort(afterMeta)).isEqualTo((short) 0x0008);
        Part10Header h = new Part10Reader().readHeader(new ByteArrayInputStream(bytes));
        assertThat(h.dataSetOffset()).isEqualTo(afterMeta);
        assertThat(h.preamble()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2"})
    void rawDataSetWithoutMetaIsDetected(String ts) throws IOException {
        byte[] raw = DicomWriter.toBytes(sample(), TransferSyntax.of(ts));
        DicomFile f = new Part10Reader().read(new ByteArrayInputStream(raw));
        assertThat(f.transferSyntax().uid()).isEqualTo(ts);
        assertThat(f.dataSet()).isEqualTo(sample());
        assertThat(f.fileMeta().isEmpty()).isTrue();
    }

    @Test
    void metaWithoutPreambleIsRead() throws IOException {
        byte[] bytes = file(sample(), "1.2.840.10008.1.2.1");
        DicomFile f = new Part10Reader().read(new ByteArrayInputStream(Arrays.copyOfRange(bytes, 132, bytes.length)));
        assertThat(f.dataSet()).isEqualTo(sample());
    }

    @Test
    void implicitDataSetLabelledExplicitIsReadAsImplicit() throws IOException {
        byte[] meta = Part10Writer.encodeMeta(FileMetaInformation.of("1.2.3", "1.2.3.4", "1.2.840.10008.1.2.1"));
        byte[] ds = DicomWriter.toBytes(sample(), TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[128]);
        out.write("DICM".getBytes());
        out.write(meta);
        out.write(ds);
        DicomFile f = new Part10Reader().read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(f.transferSyntax()).isEqualTo(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        assertThat(f.dataSet()).isEqualTo(sample());
    }

    @Test
    void garbageAfterThePreambleIsRejected() {
        byte[] bytes = new byte[132 + 300];
        new Random(1).nextBytes(bytes);
        Arrays.fill(bytes, 0, 128, (byte) 0);
        System.arraycopy("DICM".getBytes(), 0, bytes, 128, 4);
        assertThatThrownBy(() -> new Part10Reader().read(new ByteArrayInputStream(bytes)))
                .isInstanceOf(DicomFormatException.class).hasMessageContaining("offset 132");
    }

    @Test
    void readsFromAPathWithItsSizeAsTheBound(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        java.nio.file.Path f = dir.resolve("x.dcm");
        java.nio.file.Files.write(f, file(sample(), "1.2.840.10008.1.2.1"));
        assertThat(new Part10Reader().read(f).dataSet()).isEqualTo(sample());
        byte[] bytes = file(new DataSet().setBytes(0x00091010, VR.OB, new byte[1000]), "1.2.840.10008.1.2.1");
        java.nio.file.Files.write(f, Arrays.copyOf(bytes, bytes.length - 500));
        assertThatThrownBy(() -> new Part10Reader().read(f)).isInstanceOf(DicomFormatException.class)
                .hasMessageContaining("beyond the end of data").hasMessageContaining("(0009,1010)");
    }

    @Test
    void metaElementsInTheDataSetAreRefused() {
        DataSet ds = sample().setString(Tag.TransferSyntaxUID, VR.UI, "1.2.840.10008.1.2");
        assertThatThrownBy(() -> file(ds, "1.2.840.10008.1.2.1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(0002,0010)");
    }

    @Test
    void unknownTransferSyntaxIsRejected() throws IOException {
        byte[] bytes = file(sample(), "1.2.840.10008.1.2.1");
        String s = new String(bytes, "ISO-8859-1").replace("1.2.840.10008.1.2.1\0", "1.2.840.10008.9.9.9\0");
        assertThatThrownBy(() -> new Part10Reader().read(new ByteArrayInputStream(s.getBytes("ISO-8859-1"))))
                .isInstanceOf(DicomFormatException.class).hasMessageContaining("unknown transfer syntax '1.2.840.10008.9.9.9")
                .hasMessageContaining("(0002,0010)");
    }
}
