package dev.custodian.dicom.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A value held in memory, byte for byte as read (PS3.5 §7.1), except that values of byte-order
 * sensitive VRs (PS3.5 §7.3) are always held in <b>little endian</b> order: the codec swaps them
 * when it reads or writes Explicit VR Big Endian.
 *
 * <p>Immutable in use: the constructor takes ownership of the array without copying (values can be
 * hundreds of megabytes) and callers must not modify it afterwards; {@link #bytes()} returns a
 * copy. Use {@link #buffer()} or {@link #writeTo} to read it without copying.
 */
public record InlineBytes(byte[] bytes) implements BinaryValue {
    /** The empty value. */
    public static final InlineBytes EMPTY = new InlineBytes(new byte[0]);

    public InlineBytes {
        if (bytes == null) {
            throw new IllegalArgumentException("bytes must not be null");
        }
    }

    /** A copy of the bytes. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** A read-only view of the bytes (no copy). */
    public ByteBuffer buffer() {
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    @Override
    public long length() {
        return bytes.length;
    }

    public byte byteAt(int index) {
        return bytes[index];
    }

    /** Writes the bytes to {@code out} without copying them. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InlineBytes other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "InlineBytes[" + bytes.length + " bytes]";
    }
}
