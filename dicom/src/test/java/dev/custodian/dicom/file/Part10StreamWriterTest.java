package dev.custodian.dicom.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.dicom.codec.DicomReaderOptions;
import dev.custodian.dicom.codec.DicomWriter;
import dev.custodian.dicom.codec.TransferSyntax;
import dev.custodian.dicom.data.BulkData;
import dev.custodian.dicom.data.DataSet;
import dev.custodian.dicom.data.DicomFormatException;
import dev.custodian.dicom.data.VR;
import dev.custodian.dicom.dict.Tag;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class Part10StreamWriterTest {
    static DataSet instance() {
        DataSet ds = Part10Test.sample();
        ds.setString(Tag.StudyInstanceUID, VR.UI, "1.2.3.10");
        ds.setString(Tag.SeriesInstanceUID, VR.UI, "1.2.3.11");
        ds.setBytes(0x00091010, VR.UN, new byte[100_000]); // UN: implicit VR cannot tell a private VR
        ds.setBytes(Tag.PixelData, VR.OW, new byte[4096]);
        return ds;
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2", "1.2.840.10008.1.2.1.99"})
    void copiesTheDataSetVerbatimBehindAFreshMetaHeader(String uid) throws IOException {
        TransferSyntax ts = TransferSyntax.of(uid);
        byte[] dataSet = DicomWriter.toBytes(instance(), ts);
        FileMetaInformation meta = FileMetaInformation.of("1.2.840.10008.5.1.4.1.1.7", "1.2.3.4", uid)
                .withSourceApplicationEntityTitle("MODALITY");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Part10StreamWriter.Result r = Part10StreamWriter.defaults().write(new ByteArrayInputStream(dataSet), meta, out);

        byte[] file = out.toByteArray();
        byte[] header = Part10Writer.encodeMeta(meta);
        assertThat(file.length).isEqualTo(132 + header.length + dataSet.length);
        assertThat(Arrays.copyOfRange(file, 132 + header.length, file.length)).isEqualTo(dataSet);
        assertThat(r.dataSetLength()).isEqualTo(dataSet.length);
        assertThat(r.attributes().getString(Tag.SeriesInstanceUID)).contains("1.2.3.11");
        assertThat(r.attributes().contains(Tag.PixelData)).isFalse();
        assertThat(r.attributes().get(0x00091010).orElseThrow().value()).isInstanceOf(BulkData.class);

        DicomFile back = new Part10Reader().read(new ByteArrayInputStream(file));
        assertThat(back.dataSet()).isEqualTo(instance());
        assertThat(back.meta().orElseThrow().sourceApplicationEntityTitle()).isEqualTo("MODALITY");
    }

    @Test
    void validationFindsDamageAfterTheStopTagButCanBeTurnedOff() throws IOException {
        byte[] dataSet = DicomWriter.toBytes(instance(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        byte[] cut = Arrays.copyOf(dataSet, dataSet.length - 10);
        FileMetaInformation meta = FileMetaInformation.of("1.2.3", "1.2.3.4", TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid());
        assertThatThrownBy(() -> Part10StreamWriter.defaults().write(new ByteArrayInputStream(cut), meta,
                new ByteArrayOutputStream())).isInstanceOf(DicomFormatException.class).hasMessageContaining("(7FE0,0010)");
        Part10StreamWriter lenient = new Part10StreamWriter(Tag.PixelData, false, 1 << 16, DicomReaderOptions.DEFAULT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Part10StreamWriter.Result r = lenient.write(new ByteArrayInputStream(cut), meta, out);
        assertThat(r.dataSetLength()).isEqualTo(cut.length);
        assertThat(r.attributes().getString(Tag.SOPInstanceUID)).contains("1.2.3.4");
    }
}
