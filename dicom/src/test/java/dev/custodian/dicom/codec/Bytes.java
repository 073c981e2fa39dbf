package dev.custodian.dicom.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds encoded data sets byte by byte for tests (little endian unless {@link #bigEndian()}). */
final class Bytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private boolean big;

    Bytes bigEndian() {
        big = true;
        return this;
    }

    Bytes tag(int tag) {
        return u16(tag >>> 16).u16(tag & 0xFFFF);
    }

    Bytes u16(int v) {
        if (big) {
            out.write(v >>> 8);
            out.write(v);
        } else {
            out.write(v);
            out.write(v >>> 8);
        }
        return this;
    }

    Bytes u32(long v) {
        return big ? u16((int) (v >>> 16) & 0xFFFF).u16((int) v & 0xFFFF) : u16((int) v & 0xFFFF).u16((int) (v >>> 16) & 0xFFFF);
    }

    Bytes ascii(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    Bytes raw(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    Bytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /** Explicit VR element with a 16-bit length (PS3.5 table 7.1-2). */
    Bytes shortElement(int tag, String vr, String value) {
        return tag(tag).ascii(vr).u16(value.length()).ascii(value);
    }

    /** Explicit VR element with a 32-bit length (PS3.5 table 7.1-1). */
    Bytes longHeader(int tag, String vr, long length) {
        return tag(tag).ascii(vr).u16(0).u32(length);
    }

    /** Implicit VR element header (PS3.5 table 7.1-3). */
    Bytes implicitHeader(int tag, long length) {
        return tag(tag).u32(length);
    }

    Bytes item(long length) {
        return tag(0xFFFEE000).u32(length);
    }

    Bytes itemEnd() {
        return tag(0xFFFEE00D).u32(0);
    }

    Bytes sequenceEnd() {
        return tag(0xFFFEE0DD).u32(0);
    }

    byte[] toArray() {
        return out.toByteArray();
    }
}
