package dev.custodian.dicom.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.dicom.data.BulkData;
import dev.custodian.dicom.data.DataElement;
import dev.custodian.dicom.data.DataSet;
import dev.custodian.dicom.data.DicomFormatException;
import dev.custodian.dicom.data.Fragments;
import dev.custodian.dicom.data.VR;
import dev.custodian.dicom.dict.Tag;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class StopAndBulkDataTest {
    static final long BIG = 300L << 20;

    /** {@code length} bytes of a repeating pattern, generated on the fly. */
    static final class PatternStream extends InputStream {
        private long left;

        PatternStream(long length) {
            this.left = length;
        }

        @Override
        public int read() {
            return left-- > 0 ? (int) (left & 0xFF) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) (--left & 0xFF);
            }
            return n;
        }
    }

    static long crcOfPattern(long length) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buf = new byte[1 << 16];
        InputStream in = new PatternStream(length);
        int n;
        while ((n = in.read(buf, 0, buf.length)) > 0) {
            crc.update(buf, 0, n);
        }
        return crc.getValue();
    }

    /** A sink that checksums what it is given and remembers where. */
    static final class CrcSink implements BulkDataSink {
        final List<long[]> seen = new ArrayList<>();

        @Override
        public BulkData store(int tag, VR vr, int fragment, long offset, long length, InputStream value) throws IOException {
            CRC32 crc = new CRC32();
            byte[] buf = new byte[1 << 16];
            int n;
            long total = 0;
            while ((n = value.read(buf, 0, buf.length)) > 0) {
                crc.update(buf, 0, n);
                total += n;
            }
            seen.add(new long[] {tag, fragment, offset, total, crc.getValue()});
            return new BulkData("mem:" + fragment, offset, length);
        }
    }

    @Test
    void threeHundredMegabytePixelDataGoesToTheSinkNotTheHeap() throws IOException {
        byte[] head = new Bytes().shortElement(Tag.SOPInstanceUID, "UI", "1.2.3\0")
                .longHeader(Tag.PixelData, "OW", BIG).toArray();
        byte[] tail = new Bytes().longHeader(0xFFFCFFFC, "OB", 2).raw(0, 0).toArray();
        InputStream in = new SequenceInputStream(java.util.Collections.enumeration(List.of(
                new ByteArrayInputStream(head), new PatternStream(BIG), new ByteArrayInputStream(tail))));
        CrcSink sink = new CrcSink();
        DicomReaderOptions opts = DicomReaderOptions.DEFAULT.withMaxValueLength(1 << 20).withBulkDataSink(sink, 1 << 16);
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        DataSet ds = new DicomReader(in, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, opts).readDataSet();
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        assertThat(peak - before).as("heap growth while reading 300 MB").isLessThan(BIG / 3);
        assertThat(ds.get(Tag.PixelData).orElseThrow().value()).isEqualTo(new BulkData("mem:-1", head.length, BIG));
        assertThat(sink.seen).hasSize(1);
        assertThat(sink.seen.get(0)[3]).isEqualTo(BIG);
        assertThat(sink.seen.get(0)[4]).isEqualTo(crcOfPattern(BIG));
        assertThat(ds.contains(0xFFFCFFFC)).isTrue();
    }

    @Test
    void aValueAboveTheLimitWithoutSinkIsAnErrorNotAnAllocation() {
        byte[] head = new Bytes().longHeader(Tag.PixelData, "OW", BIG).toArray();
        InputStream in = new SequenceInputStream(new ByteArrayInputStream(head), new PatternStream(BIG));
        assertThatThrownBy(() -> new DicomReader(in, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                DicomReaderOptions.DEFAULT.withMaxValueLength(1 << 20)).readDataSet())
                .isInstanceOf(DicomFormatException.class)
                .hasMessageContaining("exceeds the in-memory limit").hasMessageContaining("(7FE0,0010)")
                .hasMessageContaining("offset 12");
    }

    @Test
    void eachFragmentGoesToTheSinkWithItsIndex() throws IOException {
        DataSet ds = Samples.encapsulated();
        byte[] bytes = DicomWriter.toBytes(ds, TransferSyntax.of("1.2.840.10008.1.2.4.50"));
        CrcSink sink = new CrcSink();
        DataSet back = new DicomReader(new ByteArrayInputStream(bytes), TransferSyntax.of("1.2.840.10008.1.2.4.50"),
                DicomReaderOptions.DEFAULT.withBulkDataSink(sink, 1)).readDataSet();
        Fragments f = back.getFragments(Tag.PixelData).orElseThrow();
        assertThat(f.offsetTable()).containsExactly(0, 0, 0, 0);
        assertThat(f.fragments()).hasSize(2).allMatch(v -> v instanceof BulkData);
        List<long[]> fragments = sink.seen.stream().filter(s -> s[0] == Tag.PixelData).toList();
        assertThat(fragments).extracting(s -> s[1]).containsExactly(0L, 1L);
        assertThat(fragments).extracting(s -> s[3]).containsExactly(4L, 2L);
        assertThat(back.get(Tag.PatientID).orElseThrow().value()).isInstanceOf(BulkData.class);
    }

    @Test
    void readerStopsBeforeTheFirstTagAtOrAfterTheStopTag() throws IOException {
        DataSet full = Samples.image();
        byte[] bytes = DicomWriter.toBytes(full, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        DicomReader reader = new DicomReader(new ByteArrayInputStream(bytes), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                DicomReaderOptions.DEFAULT.withStopBefore(DicomReaderOptions.atOrAfter(Tag.PatientName)));
        DataSet head = reader.readDataSet();
        assertThat(reader.stoppedAt()).hasValue(Tag.PatientName);
        assertThat(head.elements()).extracting(DataElement::tag)
                .allMatch(t -> Integer.compareUnsigned(t, Tag.PatientName) < 0)
                .contains(Tag.SOPInstanceUID, 0x00091001);
        assertThat(head.getSequence(Tag.AnatomicRegionSequence)).hasSize(2);
        long stoppedAt = reader.position();
        assertThat(stoppedAt).isLessThan(bytes.length);
        reader.skipRemaining();
        assertThat(reader.position()).isEqualTo(bytes.length);
    }

    @Test
    void skipRemainingStillDetectsMalformedData() throws IOException {
        byte[] good = DicomWriter.toBytes(Samples.image(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        byte[] bad = java.util.Arrays.copyOf(good, good.length - 3);
        DicomReader reader = new DicomReader(new ByteArrayInputStream(bad), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                DicomReaderOptions.DEFAULT.withStopBefore(DicomReaderOptions.atOrAfter(Tag.PatientName)));
        reader.readDataSet();
        assertThatThrownBy(reader::skipRemaining).isInstanceOf(DicomFormatException.class)
                .hasMessageContaining("(7FE0,0010)");
    }
}
