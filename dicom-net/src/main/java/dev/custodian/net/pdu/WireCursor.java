package dev.custodian.net.pdu;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Reads big-endian fields from a PDU body and reports errors with their offset in the PDU. */
final class WireCursor {

    private final ByteBuffer buf;
    private final long base;

    /** @param base offset in the PDU of {@code buf}'s position */
    WireCursor(ByteBuffer buf, long base) {
        this.buf = buf;
        this.base = base - buf.position();
    }

    /** The underlying buffer, positioned at the next field. */
    ByteBuffer buffer() {
        return buf;
    }

    long offset() {
        return base + buf.position();
    }

    int remaining() {
        return buf.remaining();
    }

    boolean hasRemaining() {
        return buf.hasRemaining();
    }

    PduFormatException error(AbortReason reason, String problem) {
        return new PduFormatException(offset(), reason, problem);
    }

    private void need(int n, String what) throws PduFormatException {
        if (buf.remaining() < n) {
            throw error(AbortReason.INVALID_PDU_PARAMETER_VALUE,
                    what + " needs " + n + " bytes but only " + buf.remaining() + " remain");
        }
    }

    int u8(String what) throws PduFormatException {
        need(1, what);
        return buf.get() & 0xFF;
    }

    int u16(String what) throws PduFormatException {
        need(2, what);
        return buf.getShort() & 0xFFFF;
    }

    long u32(String what) throws PduFormatException {
        need(4, what);
        return buf.getInt() & 0xFFFF_FFFFL;
    }

    void skip(int n, String what) throws PduFormatException {
        need(n, what);
        buf.position(buf.position() + n);
    }

    byte[] bytes(int n, String what) throws PduFormatException {
        need(n, what);
        byte[] b = new byte[n];
        buf.get(b);
        return b;
    }

    /** An ASCII field without its trailing NUL / space padding. */
    String ascii(int n, String what) throws PduFormatException {
        byte[] b = bytes(n, what);
        int end = b.length;
        while (end > 0 && (b[end - 1] == 0 || b[end - 1] == ' ')) {
            end--;
        }
        return new String(b, 0, end, StandardCharsets.US_ASCII);
    }

    /**
     * As {@link #slice(int, String)} for an item of the given type, named "{@code what} NNH" in the
     * error only: decoding a normal PDU builds no text (an A-ASSOCIATE-RQ has hundreds of items).
     */
    WireCursor slice(int n, String what, int itemType) throws PduFormatException {
        if (buf.remaining() < n) {
            return slice(n, String.format("%s %02XH", what, itemType));
        }
        return slice(n, what);
    }

    /** A cursor over the next {@code n} bytes, which this cursor skips. */
    WireCursor slice(int n, String what) throws PduFormatException {
        if (buf.remaining() < n) {
            throw error(AbortReason.INVALID_PDU_PARAMETER_VALUE,
                    what + " length " + n + " exceeds the " + buf.remaining() + " bytes that remain");
        }
        ByteBuffer s = buf.slice(buf.position(), n);
        WireCursor c = new WireCursor(s, offset());
        buf.position(buf.position() + n);
        return c;
    }
}
