package dev.custodian.dicom.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.dicom.data.DataSet;
import dev.custodian.dicom.data.VR;
import dev.custodian.dicom.dict.Tag;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class StreamedItemsTest {
    enum Syntax {
        IMPLICIT(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN), EXPLICIT(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN),
        BIG(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN), DEFLATED(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);

        final TransferSyntax ts;

        Syntax(TransferSyntax ts) {
            this.ts = ts;
        }
    }

    static DataSet item(int i) {
        return new DataSet().setString(Tag.ReferencedSOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.7")
                .setString(Tag.ReferencedSOPInstanceUID, VR.UI, "1.2.3." + i);
    }

    static DataSet request(int n) {
        List<DataSet> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(item(i));
        }
        // A nested sequence with the same tag (inside another sequence's item) is not the top-level one.
        DataSet other = new DataSet().setSequence(Tag.ReferencedSOPSequence, List.of(item(99)));
        return new DataSet().setString(Tag.TransactionUID, VR.UI, "1.2.3.4")
                .setSequence(Tag.ReferencedSOPSequence, items)
                .setSequence(Tag.ReferencedSeriesSequence, List.of(other));
    }

    @ParameterizedTest
    @EnumSource(Syntax.class)
    void itemsOfTheTopLevelSequenceGoToTheSinkInOrderAndAreNotKept(Syntax syntax) throws IOException {
        byte[] bytes = DicomWriter.toBytes(request(5), syntax.ts);
        List<String> seen = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        DataSet ds = new DicomReader(new ByteArrayInputStream(bytes), syntax.ts, DicomReaderOptions.DEFAULT)
                .streamItems(Tag.ReferencedSOPSequence, (owner, item) -> {
                    seen.add(item.getString(Tag.ReferencedSOPInstanceUID).orElseThrow());
                    owners.add(owner.getString(Tag.TransactionUID).orElse("none"));
                }).readDataSet();
        assertThat(seen).containsExactly("1.2.3.0", "1.2.3.1", "1.2.3.2", "1.2.3.3", "1.2.3.4");
        assertThat(owners).containsOnly("1.2.3.4");
        assertThat(ds.contains(Tag.ReferencedSOPSequence)).isTrue();
        assertThat(ds.get(Tag.ReferencedSOPSequence).orElseThrow().isSequence()).isTrue();
        assertThat(ds.getSequence(Tag.ReferencedSOPSequence)).isEmpty();
        DataSet nested = ds.getSequence(Tag.ReferencedSeriesSequence).get(0);
        assertThat(nested.getSequence(Tag.ReferencedSOPSequence)).hasSize(1);
    }

    @Test
    void undefinedLengthSequenceAndItemsAreStreamedToo() throws IOException {
        byte[] bytes = new Bytes().shortElement(Tag.TransactionUID, "UI", "1.2\0")
                .longHeader(Tag.ReferencedSOPSequence, "SQ", 0xFFFFFFFFL)
                .item(0xFFFFFFFFL).shortElement(Tag.ReferencedSOPInstanceUID, "UI", "1.5\0").itemEnd()
                .item(0xFFFFFFFFL).shortElement(Tag.ReferencedSOPInstanceUID, "UI", "1.6\0").itemEnd()
                .sequenceEnd().shortElement(Tag.StorageMediaFileSetID, "SH", "DISC").toArray();
        List<String> seen = new ArrayList<>();
        DataSet ds = new DicomReader(new ByteArrayInputStream(bytes), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                DicomReaderOptions.DEFAULT).streamItems(Tag.ReferencedSOPSequence,
                        (owner, item) -> seen.add(item.getString(Tag.ReferencedSOPInstanceUID).orElseThrow()))
                .readDataSet();
        assertThat(seen).containsExactly("1.5", "1.6");
        assertThat(ds.getString(Tag.StorageMediaFileSetID)).contains("DISC");
    }

    @Test
    void aSinkFailureEndsTheReading() throws IOException {
        byte[] bytes = DicomWriter.toBytes(request(5), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        List<DataSet> seen = new ArrayList<>();
        DicomReader reader = new DicomReader(new ByteArrayInputStream(bytes), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                DicomReaderOptions.DEFAULT).streamItems(Tag.ReferencedSOPSequence, (owner, item) -> {
                    seen.add(item);
                    if (seen.size() == 2) {
                        throw new IOException("enough");
                    }
                });
        assertThatThrownBy(reader::readDataSet).isInstanceOf(IOException.class).hasMessage("enough");
        assertThat(seen).hasSize(2);
    }

    @Test
    void aTruncatedItemIsAFormatFailureAfterTheItemsBeforeIt() {
        byte[] bytes = new Bytes().shortElement(Tag.TransactionUID, "UI", "1.2\0")
                .longHeader(Tag.ReferencedSOPSequence, "SQ", 0xFFFFFFFFL)
                .item(0xFFFFFFFFL).shortElement(Tag.ReferencedSOPInstanceUID, "UI", "1.5\0").itemEnd()
                .item(0xFFFFFFFFL).shortElement(Tag.ReferencedSOPInstanceUID, "UI", "1.6").toArray();
        List<DataSet> seen = new ArrayList<>();
        DicomReader reader = new DicomReader(new ByteArrayInputStream(bytes), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                DicomReaderOptions.DEFAULT).streamItems(Tag.ReferencedSOPSequence, (owner, item) -> seen.add(item));
        assertThatThrownBy(reader::readDataSet).isInstanceOf(dev.custodian.dicom.data.DicomFormatException.class);
        assertThat(seen).hasSize(1);
    }

    @Test
    void aMillionItemsGeneratedOnTheFlyAreCountedNotHeld() throws IOException {
        int n = 1_000_000;
        byte[] head = new Bytes().shortElement(Tag.TransactionUID, "UI", "1.2\0")
                .longHeader(Tag.ReferencedSOPSequence, "SQ", 0xFFFFFFFFL).toArray();
        byte[] one = new Bytes().item(0xFFFFFFFFL).shortElement(Tag.ReferencedSOPInstanceUID, "UI", "1.2.3.4.5.6\0")
                .itemEnd().toArray();
        byte[] tail = new Bytes().sequenceEnd().toArray();
        java.util.Enumeration<InputStream> parts = new java.util.Enumeration<>() {
            private int i;

            @Override
            public boolean hasMoreElements() {
                return i < n + 2;
            }

            @Override
            public InputStream nextElement() {
                int k = i++;
                return new ByteArrayInputStream(k == 0 ? head : k == n + 1 ? tail : one);
            }
        };
        long[] count = new long[1];
        DataSet ds = new DicomReader(new SequenceInputStream(parts),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, DicomReaderOptions.DEFAULT)
                .streamItems(Tag.ReferencedSOPSequence, (owner, item) -> count[0]++).readDataSet();
        assertThat(count[0]).isEqualTo(n);
        assertThat(ds.getSequence(Tag.ReferencedSOPSequence)).isEmpty();
    }

    @Test
    void streamingIsChosenBeforeReading() throws IOException {
        DicomReader reader = new DicomReader(InputStream.nullInputStream(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                DicomReaderOptions.DEFAULT);
        reader.readDataSet();
        assertThatThrownBy(() -> reader.streamItems(Tag.ReferencedSOPSequence, (o, i) -> { }))
                .isInstanceOf(IllegalStateException.class);
    }
}
