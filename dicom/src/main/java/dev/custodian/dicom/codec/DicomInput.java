package dev.custodian.dicom.codec;

import dev.custodian.dicom.data.DicomFormatException;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/** An input stream that counts bytes, reads in bounded chunks and reports truncation with offset and tag. */
final class DicomInput {
    private static final int CHUNK = 1 << 20;

    private final InputStream in;
    private final long end;
    private long pos;
    private byte[] skipBuffer;

    private static final int BUFFER = 65536;

    /**
     * The input of a data set from {@code in}: inflated for a deflated syntax (PS3.5 §A.5),
     * buffered unless held in memory, whose length is then known.
     *
     * @param end offset where the data ends if known, else -1
     */
    static DicomInput open(InputStream in, boolean deflated, long start, long end) {
        if (deflated) {
            return new DicomInput(new BufferedInputStream(new InflaterInputStream(in, new Inflater(true), BUFFER),
                    BUFFER), start, -1);
        } else if (in instanceof ByteArrayInputStream bytes) {
            return new DicomInput(in, start, end >= 0 ? end : start + bytes.available());
        }
        return new DicomInput(in instanceof BufferedInputStream ? in : new BufferedInputStream(in, BUFFER), start, end);
    }

    /** {@code end} is the offset where the stream ends, or -1 if unknown. */
    DicomInput(InputStream in, long start, long end) {
        this.in = in;
        this.pos = start;
        this.end = end;
    }

    long position() {
        return pos;
    }

    /** Bytes left when the stream length is known, else -1. */
    long remaining() {
        return end < 0 ? -1 : end - pos;
    }

    /**
     * Reads up to {@code len} bytes; returns the count read, less than {@code len} only at the end
     * of the stream.
     */
    int readUpTo(byte[] b, int off, int len) throws IOException {
        int n = 0;
        while (n < len) {
            int r = read(b, off + n, len - n);
            if (r < 0) {
                break;
            }
            n += r;
            pos += r;
        }
        return n;
    }

    /** One read of the underlying stream; a broken deflate stream becomes a DicomFormatException. */
    int read(byte[] b, int off, int len) throws IOException {
        try {
            return in.read(b, off, len);
        } catch (ZipException | EOFException e) {
            throw new DicomFormatException("truncated or corrupt deflated data: " + e.getMessage(), pos, -1, e);
        }
    }

    /**
     * Reads up to {@code len} bytes without consuming them (the stream is then reset); returns
     * the count read, 0 if the stream cannot be reset.
     */
    int peek(byte[] b, int len) throws IOException {
        if (!in.markSupported()) {
            return 0;
        }
        in.mark(len);
        try {
            return in.readNBytes(b, 0, len);
        } catch (ZipException | EOFException e) {
            throw new DicomFormatException("truncated or corrupt deflated data: " + e.getMessage(), pos, -1, e);
        } finally {
            in.reset();
        }
    }

    void readFully(byte[] b, int off, int len, int tag) throws IOException {
        int n = readUpTo(b, off, len);
        if (n < len) {
            throw new DicomFormatException("unexpected end of data, " + (len - n) + " more bytes needed", pos, tag);
        }
    }

    /** Reads a value of {@code len} bytes, allocating in steps so a bogus length cannot exhaust memory. */
    byte[] readValue(long len, long max, int tag) throws IOException {
        if (len > max) {
            throw new DicomFormatException("value length " + len + " exceeds the in-memory limit " + max, pos, tag);
        }
        checkAvailable(len, tag);
        int total = (int) len;
        // with a known end the length was just checked against it; otherwise grow as data arrives
        byte[] buf = new byte[end >= 0 ? total : Math.min(total, CHUNK)];
        int n = 0;
        while (n < total) {
            if (n == buf.length) {
                buf = Arrays.copyOf(buf, (int) Math.min(total, 2L * buf.length));
            }
            int want = buf.length - n;
            int r = readUpTo(buf, n, want);
            n += r;
            if (r < want) {
                throw new DicomFormatException("unexpected end of data in a value of length " + len, pos, tag);
            }
        }
        return buf;
    }

    void skip(long len, int tag) throws IOException {
        checkAvailable(len, tag);
        if (skipBuffer == null) {
            skipBuffer = new byte[8192];
        }
        long left = len;
        while (left > 0) {
            int r = readUpTo(skipBuffer, 0, (int) Math.min(left, skipBuffer.length));
            if (r == 0) {
                throw new DicomFormatException("unexpected end of data, " + left + " more bytes needed", pos, tag);
            }
            left -= r;
        }
    }

    void checkAvailable(long len, int tag) throws DicomFormatException {
        if (end >= 0 && len > end - pos) {
            throw new DicomFormatException("value length " + len + " goes beyond the end of data ("
                    + (end - pos) + " bytes left)", pos, tag);
        }
    }

    InputStream raw() {
        return in;
    }

    /** Moves to {@code position}, backwards or forwards; only over {@link Memory}. */
    void seek(long position) {
        if (!(in instanceof Memory m)) {
            throw new IllegalStateException("only an input held in memory can seek");
        }
        long origin = pos - m.consumed();
        m.seekTo(Math.toIntExact(position - origin));
        pos = position;
    }

    /** Bytes in memory that {@link #seek} can move in (a data set value parsed in memory). */
    static final class Memory extends ByteArrayInputStream {
        Memory(byte[] bytes) {
            super(bytes);
        }

        int consumed() {
            return pos;
        }

        void seekTo(int offset) {
            if (offset < 0 || offset > count) {
                throw new IllegalArgumentException("seek outside the value: " + offset);
            }
            pos = offset;
        }
    }

    void advance(long n) {
        pos += n;
    }

    static int u16(byte[] b, int off, boolean bigEndian) {
        return bigEndian ? ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF) : (b[off] & 0xFF) | ((b[off + 1] & 0xFF) << 8);
    }

    static int i32(byte[] b, int off, boolean bigEndian) {
        return bigEndian ? (u16(b, off, true) << 16) | u16(b, off + 2, true)
                : u16(b, off, false) | (u16(b, off + 2, false) << 16);
    }
}
