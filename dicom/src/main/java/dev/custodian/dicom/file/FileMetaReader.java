package dev.custodian.dicom.file;

import dev.custodian.dicom.data.DataElement;
import dev.custodian.dicom.data.DataSet;
import dev.custodian.dicom.data.DicomFormatException;
import dev.custodian.dicom.data.InlineBytes;
import dev.custodian.dicom.data.VR;
import dev.custodian.dicom.dict.ElementDictionary;
import java.io.IOException;
import java.io.PushbackInputStream;

/**
 * Reads the group 0002 elements of a File Meta Information (PS3.10 §7.1) one by one, stopping at
 * the first tag of another group, which is pushed back. Explicit VR Little Endian as the standard
 * requires; an element whose VR bytes are not a VR is read as Implicit VR Little Endian, as some
 * old writers did. Sequences are not allowed in the meta group.
 */
final class FileMetaReader {
    /** Largest meta element accepted; the real ones are UIDs and short strings. */
    static final int MAX_ELEMENT = 1 << 16;
    /** Largest meta group accepted. */
    static final int MAX_GROUP = 1 << 20;

    private final PushbackInputStream in;
    private long pos;

    FileMetaReader(PushbackInputStream in, long start) {
        this.in = in;
        this.pos = start;
    }

    long position() {
        return pos;
    }

    DataSet read() throws IOException {
        DataSet meta = new DataSet();
        long start = pos;
        byte[] h = new byte[8];
        while (true) {
            int n = in.readNBytes(h, 0, 4);
            if (n < 4 || u16(h, 0) != 0x0002) {
                in.unread(h, 0, n);
                return meta;
            }
            pos += 4;
            int tag = (u16(h, 0) << 16) | u16(h, 2);
            readFully(h, 4, 4, tag);
            VR vr = VR.ofCode(((h[4] & 0xFF) << 8) | (h[5] & 0xFF));
            long len;
            if (vr == null) {
                vr = ElementDictionary.standard().vrOf(tag);
                len = (u16(h, 4) | ((long) u16(h, 6) << 16));
            } else if (vr.hasLongLength()) {
                readFully(h, 0, 4, tag);
                len = u16(h, 0) | ((long) u16(h, 2) << 16);
            } else {
                len = u16(h, 6);
            }
            if (vr == VR.SQ || len > MAX_ELEMENT || pos - start + len > MAX_GROUP) {
                throw new DicomFormatException("implausible File Meta Information element (VR " + vr + ", length "
                        + len + ")", pos, tag);
            }
            byte[] value = new byte[(int) len];
            readFully(value, 0, value.length, tag);
            meta.put(new DataElement(tag, vr, new InlineBytes(value)));
        }
    }

    private void readFully(byte[] b, int off, int len, int tag) throws IOException {
        int n = in.readNBytes(b, off, len);
        pos += n;
        if (n < len) {
            throw new DicomFormatException("unexpected end of data in the File Meta Information", pos, tag);
        }
    }

    private static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) | ((b[off + 1] & 0xFF) << 8);
    }
}
