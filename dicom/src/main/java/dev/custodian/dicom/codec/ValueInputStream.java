package dev.custodian.dicom.codec;

import dev.custodian.dicom.data.DicomFormatException;
import java.io.IOException;
import java.io.InputStream;

/** The bytes of one value, handed to a {@link BulkDataSink}; premature end of data is an error. */
final class ValueInputStream extends InputStream {
    private final DicomInput in;
    private final int tag;
    private long left;

    ValueInputStream(DicomInput in, long length, int tag) {
        this.in = in;
        this.left = length;
        this.tag = tag;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (left == 0) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        int want = (int) Math.min(len, left);
        int r = in.read(b, off, want);
        if (r < 0) {
            throw new DicomFormatException("unexpected end of data, " + left + " bytes of the value missing",
                    in.position(), tag);
        }
        in.advance(r);
        left -= r;
        return r;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(Integer.MAX_VALUE, Math.min(left, in.raw().available()));
    }

    /** Skips what the sink did not read. */
    void skipRest() throws IOException {
        in.skip(left, tag);
        left = 0;
    }

    @Override
    public void close() {
        // the underlying stream belongs to the reader
    }
}
