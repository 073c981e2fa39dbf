package dev.custodian.dicom.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.custodian.dicom.data.DataElement;
import dev.custodian.dicom.data.DataSet;
import dev.custodian.dicom.data.DicomFormatException;
import dev.custodian.dicom.data.VR;
import dev.custodian.dicom.dict.Tag;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Malformed input gives a DicomFormatException naming offset and tag: never OOM, overflow or a wrong result. */
class MalformedInputTest {
    static List<TransferSyntax> syntaxes() {
        return Samples.NATIVE;
    }

    static DataSet read(InputStream in, TransferSyntax ts, DicomReaderOptions o) throws IOException {
        return new DicomReader(in, ts, o).readDataSet();
    }

    /**
     * Cut the encoded sample at every offset: a cut exactly between two top-level elements is a
     * shorter valid data set (a data set has no terminator) and must read as exactly that prefix;
     * every other cut must fail with a DicomFormatException that names an offset.
     */
    @ParameterizedTest
    @MethodSource("syntaxes")
    void truncationAtEveryOffsetFailsOrYieldsTheExactPrefix(TransferSyntax ts) throws IOException {
        DataSet full = Samples.image();
        byte[] bytes = DicomWriter.toBytes(full, ts);
        Map<Integer, DataSet> prefixes = new HashMap<>();
        if (!ts.deflated()) {
            DataSet prefix = new DataSet();
            prefixes.put(0, prefix.copy());
            for (DataElement e : full.elements()) {
                prefix.put(e);
                prefixes.put(DicomWriter.toBytes(prefix, ts).length, prefix.copy());
            }
        }
        int failures = 0;
        for (int cut = 0; cut < bytes.length; cut++) {
            byte[] part = Arrays.copyOf(bytes, cut);
            try {
                DataSet ds = read(new ByteArrayInputStream(part), ts, DicomReaderOptions.DEFAULT);
                DataSet expected = prefixes.get(cut);
                if (expected == null || !expected.equals(ds)) {
                    fail("cut at " + cut + " of " + bytes.length + " read silently as " + ds);
                }
            } catch (DicomFormatException e) {
                // offsets count the data set bytes: inflated bytes for the deflated syntax
                long bound = ts.deflated() ? Long.MAX_VALUE : cut;
                assertThat(e.offset()).as("offset for cut at %d: %s", cut, e.getMessage()).isBetween(0L, bound);
                assertThat(e.getMessage()).contains("offset");
                failures++;
            }
        }
        assertThat(failures).isGreaterThan(bytes.length - prefixes.size() - 1);
    }

    @Test
    void hugeLengthOnAPlainValueIsRejectedWithoutAllocatingIt() {
        byte[] b = new Bytes().shortElement(Tag.PatientID, "LO", "AB")
                .longHeader(0x00091010, "OB", 0xFFFFFFF0L).raw(1, 2, 3, 4).toArray();
        // length known (byte array): compared with what is left
        assertThatThrownBy(() -> read(new ByteArrayInputStream(b), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                DicomReaderOptions.DEFAULT))
                .isInstanceOf(DicomFormatException.class).hasMessageContaining("beyond the end of data")
                .hasMessageContaining("(0009,1010)").hasMessageContaining("offset 22");
        // length unknown: beyond the in-memory limit
        assertThatThrownBy(() -> read(new BufferedInputStream(new ByteArrayInputStream(b)),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, DicomReaderOptions.DEFAULT))
                .isInstanceOf(DicomFormatException.class).hasMessageContaining("in-memory limit");
        // length unknown and limit at its maximum: read in bounded chunks until the data ends
        byte[] b2 = new Bytes().shortElement(Tag.PatientID, "LO", "AB")
                .longHeader(0x00091010, "OB", 0x7FFFFFF0L).raw(1, 2, 3, 4).toArray();
        assertThatThrownBy(() -> read(new BufferedInputStream(new ByteArrayInputStream(b2)),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, DicomReaderOptions.DEFAULT.withMaxValueLength(Integer.MAX_VALUE - 8)))
                .isInstanceOf(DicomFormatException.class).hasMessageContaining("unexpected end of data")
                .hasMessageContaining("offset 26");
    }

    @Test
    void hugeLengthInImplicitVrIsRejected() {
        byte[] b = new Bytes().implicitHeader(Tag.PatientID, 0xFFFFFFF0L).raw(1, 2).toArray();
        assertThatThrownBy(() -> read(new ByteArrayInputStream(b), TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
                DicomReaderOptions.DEFAULT)).isInstanceOf(DicomFormatException.class).hasMessageContaining("(0010,0020)");
    }

    static byte[] nested(int depth, boolean explicit) {
        Bytes b = new Bytes();
        for (int i = 0; i < depth; i++) {
            if (explicit) {
                b.longHeader(Tag.ContentSequence, "SQ", 0xFFFFFFFFL);
            } else {
                b.implicitHeader(Tag.ContentSequence, 0xFFFFFFFFL);
            }
            b.item(0xFFFFFFFFL);
        }
        for (int i = 0; i < depth; i++) {
            b.itemEnd().sequenceEnd();
        }
        return b.toArray();
    }

    @Test
    void tenThousandNestedSequencesAreRejectedNotAStackOverflow() {
        for (boolean explicit : new boolean[] {true, false}) {
            TransferSyntax ts = explicit ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN : TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
            int header = explicit ? 12 : 8;
            assertThatThrownBy(() -> read(new ByteArrayInputStream(nested(10_000, explicit)), ts, DicomReaderOptions.DEFAULT))
                    .isInstanceOf(DicomFormatException.class).hasMessageContaining("nested deeper than 64")
                    .hasMessageContaining("(0040,A730)").hasMessageContaining("offset " + 64 * (header + 8));
        }
    }

    @Test
    void nestingUpToTheLimitIsRead() throws IOException {
        DataSet ds = read(new ByteArrayInputStream(nested(64, true)), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                DicomReaderOptions.DEFAULT);
        assertThat(ds.getSequence(Tag.ContentSequence)).hasSize(1);
    }

    @Test
    void deeplyNestedUnknownSequencesAreBoundedToo() {
        // UN of a dictionary SQ, defined length, nested: parsed recursively but within maxDepth
        byte[] inner = new byte[0];
        for (int i = 0; i < 200; i++) {
            inner = new Bytes().implicitHeader(Tag.ContentSequence, inner.length + 8L).item(inner.length).raw(inner).toArray();
        }
        byte[] outer = new Bytes().longHeader(Tag.ContentSequence, "UN", inner.length - 8L)
                .raw(Arrays.copyOfRange(inner, 8, inner.length)).toArray();
        DataElement e;
        try {
            e = read(new ByteArrayInputStream(outer), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, DicomReaderOptions.DEFAULT)
                    .get(Tag.ContentSequence).orElseThrow();
        } catch (IOException ex) {
            throw new AssertionError(ex);
        }
        // too deep to be a sequence here: kept as the bytes that were sent
        assertThat(e.vr()).isEqualTo(VR.UN);
    }

    @Test
    void otherStructuralErrorsNameOffsetAndTag() {
        List<byte[]> cases = new ArrayList<>();
        cases.add(new Bytes().shortElement(Tag.PatientID, "LO", "AB").tag(Tag.PatientName).ascii("ZZ").u16(0).toArray());
        cases.add(new Bytes().tag(Tag.Rows).ascii("US").u16(0xFFFF).toArray());
        cases.add(new Bytes().item(0).toArray());
        cases.add(new Bytes().longHeader(Tag.ContentSequence, "SQ", 0xFFFFFFFFL).shortElement(Tag.PatientID, "LO", "AB").toArray());
        cases.add(new Bytes().longHeader(Tag.ContentSequence, "SQ", 16).item(20).shortElement(Tag.PatientID, "LO", "AB").toArray());
        cases.add(new Bytes().longHeader(Tag.PixelData, "OB", 0xFFFFFFFFL).item(0).shortElement(Tag.PatientID, "LO", "AB").toArray());
        cases.add(new Bytes().longHeader(Tag.PatientComments, "UT", 0xFFFFFFFFL).toArray());
        for (byte[] c : cases) {
            assertThatThrownBy(() -> read(new ByteArrayInputStream(c), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                    DicomReaderOptions.DEFAULT)).isInstanceOf(DicomFormatException.class)
                    .satisfies(t -> assertThat(((DicomFormatException) t).offset()).isNotNegative())
                    .satisfies(t -> assertThat(((DicomFormatException) t).tag()).isNotEqualTo(-1));
        }
    }

    @Test
    void corruptDeflateIsADicomFormatException() {
        byte[] b = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertThatThrownBy(() -> read(new ByteArrayInputStream(b), TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN,
                DicomReaderOptions.DEFAULT)).isInstanceOf(DicomFormatException.class).hasMessageContaining("deflate");
    }
}
