package dev.custodian.dicom.data;

import java.io.IOException;

/**
 * The input is not valid DICOM (or is beyond a configured limit). Carries the byte offset and
 * the tag where decoding stopped, when known, so that the message names both.
 */
public class DicomFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Offset in the stream where the problem was found, or -1 if unknown. */
    private final long offset;
    /** Tag being decoded when the problem was found, or -1 if unknown. */
    private final int tag;

    public DicomFormatException(String message) {
        this(message, -1, -1, null);
    }

    public DicomFormatException(String message, long offset, int tag) {
        this(message, offset, tag, null);
    }

    public DicomFormatException(String message, long offset, int tag, Throwable cause) {
        super(format(message, offset, tag), cause);
        this.offset = offset;
        this.tag = tag;
    }

    public long offset() {
        return offset;
    }

    public int tag() {
        return tag;
    }

    private static String format(String message, long offset, int tag) {
        StringBuilder sb = new StringBuilder(message);
        if (tag != -1) {
            sb.append(String.format(" [tag (%04X,%04X)", tag >>> 16, tag & 0xFFFF));
        } else {
            sb.append(" [");
        }
        if (offset >= 0) {
            sb.append(tag != -1 ? ", " : "").append("offset ").append(offset);
        }
        sb.append(']');
        return sb.toString().replace(" []", "");
    }
}
