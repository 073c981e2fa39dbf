package dev.custodian.dicom.codec;

import dev.custodian.dicom.data.DicomFormatException;
import dev.custodian.dicom.data.VR;
import java.io.IOException;

/**
 * Reads what follows a tag for {@link DicomReader}: the VR and length of a data element (PS3.5
 * §7.1.2 Explicit VR, §7.1.3 Implicit VR with the VR from the {@link ElementHeaderPolicy}), or the
 * length of an item or delimiter (§7.5); and peeks whether a value starts like the items of a
 * sequence.
 */
final class HeaderReader {
    private final DicomInput in;
    private final ElementHeaderPolicy policy;
    private final byte[] hdr = new byte[12];

    HeaderReader(DicomInput in, ElementHeaderPolicy policy) {
        this.in = in;
        this.policy = policy;
    }

    /** The rest of the header of element {@code tag} that began at {@code start}. */
    ElementHeader element(Frame f, int tag, long start) throws IOException {
        long len = length(f, tag);
        if (!f.explicitVr) {
            return new ElementHeader(tag, policy.implicitVr(tag, len == DicomReader.UNDEFINED), len, start);
        }
        int code = ((hdr[4] & 0xFF) << 8) | (hdr[5] & 0xFF);
        VR vr = VR.ofCode(code);
        if (vr == null) {
            throw new DicomFormatException(String.format("invalid VR bytes %02X %02X", hdr[4], hdr[5]), start, tag);
        }
        if (vr.hasLongLength()) {
            in.readFully(hdr, 8, 4, tag);
            return new ElementHeader(tag, vr, DicomInput.i32(hdr, 8, f.bigEndian) & DicomReader.UNDEFINED, start);
        }
        return new ElementHeader(tag, vr, DicomInput.u16(hdr, 6, f.bigEndian), start);
    }

    /** The 32-bit length after an item or delimiter tag (the 4 bytes after the tag). */
    long length(Frame f, int tag) throws IOException {
        in.readFully(hdr, 4, 4, tag);
        return DicomInput.i32(hdr, 4, f.bigEndian) & DicomReader.UNDEFINED;
    }

    /**
     * Whether a value of defined length {@code len} (not yet read) starts like the items of a
     * sequence: an Item tag (FFFE,E000) whose length is undefined or fits in the value.
     */
    boolean startsWithItem(long len) throws IOException {
        if (in.peek(hdr, 8) < 8) {
            return false;
        }
        long itemLength = DicomInput.i32(hdr, 4, false) & DicomReader.UNDEFINED;
        int tag = (DicomInput.u16(hdr, 0, false) << 16) | DicomInput.u16(hdr, 2, false);
        return tag == DicomReader.ITEM && (itemLength == DicomReader.UNDEFINED || itemLength <= len - 8);
    }
}
