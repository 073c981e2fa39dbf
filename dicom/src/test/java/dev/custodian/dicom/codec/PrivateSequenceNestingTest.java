package dev.custodian.dicom.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.dicom.data.DataElement;
import dev.custodian.dicom.data.DataSet;
import dev.custodian.dicom.data.InlineBytes;
import dev.custodian.dicom.data.Sequence;
import dev.custodian.dicom.data.VR;
import dev.custodian.dicom.dict.Tag;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Private sequences of defined length in Implicit VR (PS3.5 §7.5, §6.2.2), nested: recognised in
 * one pass on the reader's explicit stack, so that no nesting depth, whatever maxDepth allows,
 * can overflow the Java stack; a nested value that is not items stays UN bytes on its own.
 */
class PrivateSequenceNestingTest {
    private static final int PRIVATE_SQ = 0x00091001;
    private static final int PRIVATE_LEAF = 0x00091002;
    private static final byte[] LEAF = {'L', 'E', 'A', 'F'};

    /**
     * {@code depth} private sequences (0009,1001), each of one item holding the next, all with
     * defined lengths; the innermost item holds (0009,1002) "LEAF"; then (0010,0020) "ID".
     */
    static byte[] nested(int depth) {
        int leaf = 8 + LEAF.length;
        ByteBuffer b = ByteBuffer.allocate(16 * depth + leaf + 10).order(ByteOrder.LITTLE_ENDIAN);
        for (int level = depth; level >= 1; level--) {
            int itemLength = 16 * (level - 1) + leaf;
            b.putShort((short) 0x0009).putShort((short) 0x1001).putInt(8 + itemLength);
            b.putShort((short) 0xFFFE).putShort((short) 0xE000).putInt(itemLength);
        }
        b.putShort((short) 0x0009).putShort((short) 0x1002).putInt(LEAF.length).put(LEAF);
        b.putShort((short) 0x0010).putShort((short) 0x0020).putInt(2).put(new byte[] {'I', 'D'});
        return b.array();
    }

    private static DataSet read(byte[] bytes, int maxDepth) throws IOException {
        return new DicomReader(new ByteArrayInputStream(bytes), TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
                DicomReaderOptions.DEFAULT.withMaxDepth(maxDepth)).readDataSet();
    }

    /** Follows the first item of (0009,1001) {@code levels} times, checking each is a sequence. */
    private static DataSet descend(DataSet ds, int levels) {
        DataSet at = ds;
        for (int i = 0; i < levels; i++) {
            DataElement e = at.get(PRIVATE_SQ).orElseThrow(() -> new AssertionError("no sequence"));
            assertThat(e.vr()).isEqualTo(VR.SQ);
            assertThat(((Sequence) e.value()).items()).hasSize(1);
            at = ((Sequence) e.value()).items().get(0);
        }
        return at;
    }

    @Test
    void aHundredThousandLevelsAreReadWithoutRecursionWhenMaxDepthAllowsThem() throws IOException {
        int depth = 100_000;
        DataSet ds = read(nested(depth), depth);
        DataSet innermost = descend(ds, depth);
        assertThat(innermost.getBytes(PRIVATE_LEAF)).hasValueSatisfying(v -> assertThat(v).isEqualTo(LEAF));
        assertThat(ds.getString(Tag.PatientID)).hasValue("ID");
    }

    @Test
    void theLevelBeyondMaxDepthStaysUnBytes() throws IOException {
        byte[] bytes = nested(5_000);
        DataSet ds = read(bytes, 1_000);
        DataSet deepest = descend(ds, 1_000);
        DataElement rest = deepest.get(PRIVATE_SQ).orElseThrow();
        assertThat(rest.vr()).isEqualTo(VR.UN);
        // the value of sequence 1001: from its item to the end of the leaf, byte for byte
        int from = 16 * 1_000 + 8;
        assertThat(((InlineBytes) rest.value()).bytes()).isEqualTo(Arrays.copyOfRange(bytes, from, bytes.length - 10));
        assertThat(ds.getString(Tag.PatientID)).hasValue("ID");
    }

    @Test
    void aNestedValueThatIsNotItemsStaysUnWhileItsParentIsASequence() throws IOException {
        // starts like an item of 8 bytes, but those 8 bytes claim an element of 100
        byte[] notItems = new Bytes().item(8).implicitHeader(PRIVATE_LEAF, 100).toArray();
        byte[] item = new Bytes().implicitHeader(PRIVATE_SQ, notItems.length).raw(notItems)
                .implicitHeader(Tag.CodeValue, 2).ascii("X ").toArray();
        byte[] b = new Bytes().implicitHeader(0x00091010, item.length + 8L).item(item.length).raw(item)
                .implicitHeader(Tag.PatientID, 2).ascii("ID").toArray();
        DataSet ds = read(b, 64);
        assertThat(ds.get(0x00091010).orElseThrow().vr()).isEqualTo(VR.SQ);
        DataSet parsed = ds.getItem(0x00091010, 0).orElseThrow();
        assertThat(parsed.get(PRIVATE_SQ).orElseThrow().vr()).isEqualTo(VR.UN);
        assertThat(parsed.getBytes(PRIVATE_SQ)).hasValueSatisfying(v -> assertThat(v).isEqualTo(notItems));
        assertThat(parsed.getString(Tag.CodeValue)).hasValue("X");
        assertThat(ds.getString(Tag.PatientID)).hasValue("ID");
    }

    @Test
    void aNestedItemWithoutItsDelimiterDoesNotSwallowWhatFollowsTheValue() throws IOException {
        // an item of undefined length never delimited: within its 20-byte value it cannot be items
        byte[] open = new Bytes().item(0xFFFFFFFFL).implicitHeader(PRIVATE_LEAF, 4).raw(1, 2, 3, 4).toArray();
        byte[] item = new Bytes().implicitHeader(PRIVATE_SQ, open.length).raw(open)
                .implicitHeader(Tag.CodeValue, 2).ascii("X ").toArray();
        byte[] b = new Bytes().implicitHeader(0x00091010, item.length + 8L).item(item.length).raw(item).toArray();
        DataSet parsed = read(b, 64).getItem(0x00091010, 0).orElseThrow();
        assertThat(parsed.getBytes(PRIVATE_SQ)).hasValueSatisfying(v -> assertThat(v).isEqualTo(open));
        assertThat(parsed.getString(Tag.CodeValue)).hasValue("X");
    }

    @Test
    void aSequenceDelimiterBeforeTheEndOfANestedValueKeepsItsBytes() throws IOException {
        // item, delimiter, then 8 more bytes that belong to the value but to no item
        byte[] early = new Bytes().item(0).sequenceEnd().implicitHeader(PRIVATE_LEAF, 0).toArray();
        byte[] item = new Bytes().implicitHeader(PRIVATE_SQ, early.length).raw(early).toArray();
        byte[] b = new Bytes().implicitHeader(0x00091010, item.length + 8L).item(item.length).raw(item).toArray();
        DataSet parsed = read(b, 64).getItem(0x00091010, 0).orElseThrow();
        assertThat(parsed.get(PRIVATE_SQ).orElseThrow().vr()).isEqualTo(VR.UN);
        assertThat(parsed.getBytes(PRIVATE_SQ)).hasValueSatisfying(v -> assertThat(v).isEqualTo(early));
    }
}
