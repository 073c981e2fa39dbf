package dev.custodian.net.dimse;

import dev.custodian.dicom.codec.DicomReader;
import dev.custodian.dicom.codec.DicomReaderOptions;
import dev.custodian.dicom.codec.DicomWriter;
import dev.custodian.dicom.codec.TransferSyntax;
import dev.custodian.dicom.data.DataElement;
import dev.custodian.dicom.data.DataSet;
import dev.custodian.dicom.data.VR;
import dev.custodian.dicom.dict.Tag;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Command sets as bytes (PS3.7 §6.3.1): group 0000 elements in Implicit VR Little Endian, in
 * ascending tag order, preceded by Command Group Length (0000,0000), encoded and decoded by the
 * {@code dicom} module's {@link DicomWriter} and {@link DicomReader}. Builder for writing, View
 * for reading typed values.
 */
final class CommandSets {
    private static final TransferSyntax IMPLICIT_LE = TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;

    private CommandSets() {
    }

    static Builder builder() {
        return new Builder();
    }

    /**
     * Parses a command set.
     *
     * @throws IOException when the bytes are not Implicit VR Little Endian elements of group 0000
     */
    static View parse(byte[] bytes) throws IOException {
        DicomReaderOptions options = DicomReaderOptions.DEFAULT.withMaxValueLength(bytes.length).withMaxDepth(1);
        // a buffer the size of the command, not the reader's default 64 KB: one of these per message
        InputStream in = new BufferedInputStream(new ByteArrayInputStream(bytes), Math.max(1, bytes.length));
        DataSet ds = new DicomReader(in, IMPLICIT_LE, options).readDataSet();
        for (DataElement e : ds.elements()) {
            if (e.tag() >>> 16 != 0) {
                throw new IOException(String.format("element (%04X,%04X) outside command group 0000",
                        e.tag() >>> 16, e.tag() & 0xFFFF));
            }
        }
        return new View(ds);
    }

    private static void putIntLe(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }

    /** Collects command elements; null values are left out. */
    static final class Builder {
        private final DataSet ds = new DataSet();

        Builder us(int tag, int value) {
            ds.setInt(tag, VR.US, value);
            return this;
        }

        Builder ui(int tag, String uid) {
            return text(tag, VR.UI, uid);
        }

        Builder ae(int tag, String aet) {
            return text(tag, VR.AE, aet);
        }

        Builder lo(int tag, String text) {
            return text(tag, VR.LO, text);
        }

        Builder at(int tag, List<Integer> tags) {
            if (tags != null && !tags.isEmpty()) {
                ds.setInt(tag, VR.AT, tags.stream().mapToInt(Integer::intValue).toArray());
            }
            return this;
        }

        private Builder text(int tag, VR vr, String value) {
            if (value != null) {
                ds.setString(tag, vr, value);
            }
            return this;
        }

        /** The command set, Command Group Length (0000,0000) first. */
        byte[] toBytes() {
            try {
                ds.remove(Tag.CommandGroupLength);
                byte[] body = DicomWriter.toBytes(ds, IMPLICIT_LE);
                // (0000,0000) UL in Implicit VR Little Endian: tag, 4-byte length 4, the value (PS3.5 §7.1.2)
                byte[] out = new byte[12 + body.length];
                out[4] = 4;
                putIntLe(out, 8, body.length);
                System.arraycopy(body, 0, out, 12, body.length);
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException("Encoding a command set in memory failed", e);
            }
        }
    }

    /** Typed read access to a parsed command set. */
    static final class View {
        private final DataSet ds;

        View(DataSet ds) {
            this.ds = ds;
        }

        /** A US value, or null when absent or empty. */
        Integer us(int tag) {
            var v = ds.getInt(tag);
            return v.isPresent() ? v.getAsInt() : null;
        }

        /** A text value trimmed per its VR, or null when absent or empty. */
        String string(int tag) {
            String s = ds.getString(tag).orElse(null);
            return s == null || s.isEmpty() ? null : s;
        }

        /** AT values as group << 16 | element, or null when absent. */
        List<Integer> at(int tag) {
            if (!ds.contains(tag)) {
                return null;
            }
            List<Integer> tags = new ArrayList<>();
            for (int t : ds.getInts(tag)) {
                tags.add(t);
            }
            return tags;
        }
    }
}
