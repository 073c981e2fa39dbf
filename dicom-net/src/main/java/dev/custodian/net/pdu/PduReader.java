package dev.custodian.net.pdu;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decodes PDUs (PS3.8 §9.3): bytes in, record out. Pure: no sockets, threads or logging. Every
 * length is checked against the {@link PduLimits} before anything is allocated, so a PDU that
 * claims 4 GB is refused after its 6 header bytes.
 */
public final class PduReader {

    static final int HEADER_LENGTH = 6;

    private final PduLimits limits;
    private final AssociateDecoder associate;
    private final byte[] header = new byte[HEADER_LENGTH];

    public PduReader(PduLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.associate = new AssociateDecoder(limits.maxItems());
    }

    public PduLimits limits() {
        return limits;
    }

    /**
     * Reads exactly one PDU. Not thread-safe (it reuses a header buffer): one reader per stream.
     * The association's reader uses {@link PduInput}, which decodes P-DATA-TF PDUs in place.
     *
     * @throws EOFException        the stream ended, before the PDU (message "end of stream") or in it
     * @throws PduFormatException  the bytes are not a valid PDU
     */
    public Pdu read(InputStream in) throws IOException {
        int got = in.readNBytes(header, 0, HEADER_LENGTH);
        if (got < HEADER_LENGTH) {
            throw endedInHeader(got);
        }
        int type = header[0] & 0xFF;
        long length = bodyLength(header, 0);
        checkLength(type, length);
        byte[] body = readBody(in, type, (int) length);
        return decodeBody(type, ByteBuffer.wrap(body, 0, (int) length));
    }

    /**
     * A P-DATA-TF body (at most the maximum length we announced) is read straight into an array of
     * its size; {@code readNBytes(int)} would gather it in 8 KB chunks and copy it once more. Other
     * PDUs are read incrementally, so a peer claiming a long A-ASSOCIATE-RQ costs memory only for
     * the bytes it really sends.
     */
    private static byte[] readBody(InputStream in, int type, int length) throws IOException {
        byte[] body;
        int n;
        if (type == Pdu.TYPE_P_DATA_TF) {
            body = new byte[length];
            n = in.readNBytes(body, 0, length);
        } else {
            body = in.readNBytes(length);
            n = body.length;
        }
        if (n < length) {
            throw endedInBody(n, length, type);
        }
        return body;
    }

    /** The PDU length field (bytes 3-6 of the header starting at {@code at}, big endian, unsigned). */
    static long bodyLength(byte[] header, int at) {
        return ((header[at + 2] & 0xFFL) << 24) | ((header[at + 3] & 0xFF) << 16) | ((header[at + 4] & 0xFF) << 8)
                | (header[at + 5] & 0xFF);
    }

    /** The stream ended after {@code got} (fewer than 6) bytes of a PDU header; 0: before the PDU. */
    static EOFException endedInHeader(int got) {
        return new EOFException(got == 0 ? "end of stream" : "stream ended after " + got + " of 6 PDU header bytes");
    }

    /** The stream ended after {@code got} of the {@code length} body bytes of a PDU. */
    static EOFException endedInBody(int got, int length, int type) {
        return new EOFException("stream ended after " + got + " of " + length + " bytes of a PDU of type "
                + String.format("%02XH", type));
    }

    /** Decodes one PDU starting at the buffer's position and advances the position past it. */
    public Pdu decode(ByteBuffer buf) throws PduFormatException {
        if (buf.remaining() < HEADER_LENGTH) {
            throw new PduFormatException(0, AbortReason.INVALID_PDU_PARAMETER_VALUE,
                    "only " + buf.remaining() + " of 6 PDU header bytes");
        }
        ByteBuffer b = buf.slice().order(java.nio.ByteOrder.BIG_ENDIAN);
        int type = b.get() & 0xFF;
        b.get();
        long length = b.getInt() & 0xFFFF_FFFFL;
        checkLength(type, length);
        if (b.remaining() < length) {
            throw new PduFormatException(HEADER_LENGTH + b.remaining(), AbortReason.INVALID_PDU_PARAMETER_VALUE,
                    "PDU length " + length + " but only " + b.remaining() + " bytes follow the header");
        }
        Pdu pdu = decodeBody(type, b.slice(HEADER_LENGTH, (int) length));
        buf.position(buf.position() + HEADER_LENGTH + (int) length);
        return pdu;
    }

    /** Refuses a PDU type or length (from the header alone) before anything is allocated. */
    void checkLength(int type, long length) throws PduFormatException {
        switch (type) {
            case Pdu.TYPE_A_ASSOCIATE_RQ, Pdu.TYPE_A_ASSOCIATE_AC -> {
                if (length < 68 || length > limits.maxAssociateLength()) {
                    throw badLength(type, length, "68.." + limits.maxAssociateLength());
                }
            }
            case Pdu.TYPE_P_DATA_TF -> {
                if (length < 6 || length > limits.maxPDataLength()) {
                    throw badLength(type, length, "6.." + limits.maxPDataLength());
                }
            }
            case Pdu.TYPE_A_ASSOCIATE_RJ, Pdu.TYPE_A_RELEASE_RQ, Pdu.TYPE_A_RELEASE_RP, Pdu.TYPE_A_ABORT -> {
                if (length != 4) {
                    throw badLength(type, length, "4");
                }
            }
            default -> throw new PduFormatException(0, AbortReason.UNRECOGNIZED_PDU,
                    String.format("unrecognized PDU type %02XH", type));
        }
    }

    private static PduFormatException badLength(int type, long length, String allowed) {
        return new PduFormatException(2, AbortReason.INVALID_PDU_PARAMETER_VALUE,
                String.format("PDU type %02XH with length %d (allowed %s)", type, length, allowed));
    }

    /** Decodes the body of a PDU whose length was checked; PDVs are slices of a heap buffer's array. */
    Pdu decodeBody(int type, ByteBuffer body) throws PduFormatException {
        WireCursor c = new WireCursor(body, HEADER_LENGTH);
        return switch (type) {
            case Pdu.TYPE_A_ASSOCIATE_RQ -> associate.decodeRq(c);
            case Pdu.TYPE_A_ASSOCIATE_AC -> associate.decodeAc(c);
            case Pdu.TYPE_A_ASSOCIATE_RJ -> decodeRj(c);
            case Pdu.TYPE_P_DATA_TF -> decodePData(c);
            case Pdu.TYPE_A_RELEASE_RQ -> new AReleaseRq();
            case Pdu.TYPE_A_RELEASE_RP -> new AReleaseRp();
            case Pdu.TYPE_A_ABORT -> decodeAbort(c);
            default -> throw new IllegalStateException("type checked before: " + type);
        };
    }

    private static AAssociateRj decodeRj(WireCursor c) throws PduFormatException {
        c.skip(1, "reserved");
        int result = c.u8("result");
        int source = c.u8("source");
        int reason = c.u8("reason");
        RejectResult r = RejectResult.fromCode(result);
        RejectSource s = RejectSource.fromCode(source);
        if (r == null) {
            throw new PduFormatException(7, AbortReason.INVALID_PDU_PARAMETER_VALUE, "A-ASSOCIATE-RJ result " + result);
        }
        if (s == null) {
            throw new PduFormatException(8, AbortReason.INVALID_PDU_PARAMETER_VALUE, "A-ASSOCIATE-RJ source " + source);
        }
        return new AAssociateRj(r, s, reason);
    }

    private static AAbort decodeAbort(WireCursor c) throws PduFormatException {
        c.skip(2, "reserved");
        int source = c.u8("source");
        int reason = c.u8("reason");
        AbortSource s = AbortSource.fromCode(source);
        AbortReason r = AbortReason.fromCode(reason);
        if (s == null) {
            throw new PduFormatException(8, AbortReason.INVALID_PDU_PARAMETER_VALUE, "A-ABORT source " + source);
        }
        // reason is "not significant" unless the provider aborted; tolerate anything there
        return new AAbort(s, r == null || s != AbortSource.SERVICE_PROVIDER ? orNotSpecified(r) : r);
    }

    private static AbortReason orNotSpecified(AbortReason r) {
        return r == null ? AbortReason.NOT_SPECIFIED : r;
    }

    private PDataTf decodePData(WireCursor c) throws PduFormatException {
        List<Pdv> pdvs = new ArrayList<>();
        while (c.hasRemaining()) {
            if (pdvs.size() >= limits.maxItems()) {
                throw c.error(AbortReason.INVALID_PDU_PARAMETER_VALUE, "more than " + limits.maxItems() + " PDVs");
            }
            long length = c.u32("PDV item length");
            if (length < 2 || length > c.remaining()) {
                throw new PduFormatException(c.offset() - 4, AbortReason.INVALID_PDU_PARAMETER_VALUE,
                        "PDV item length " + length + " (2.." + c.remaining() + " allowed)");
            }
            long at = c.offset();
            int pcid = c.u8("presentation context ID");
            int control = c.u8("message control header");
            if ((pcid & 1) == 0) {
                throw new PduFormatException(at, AbortReason.INVALID_PDU_PARAMETER_VALUE,
                        "even presentation context ID " + pcid);
            }
            // bits 2-7 of the control header are reserved and "not tested" (PS3.8 Annex E.2)
            pdvs.add(slice(c, pcid, control, (int) length - 2));
        }
        return new PDataTf(pdvs);
    }

    /** The PDV's data as a slice of the body's array (no copy); copied only from a read-only buffer. */
    private static Pdv slice(WireCursor c, int pcid, int control, int n) throws PduFormatException {
        boolean command = (control & 1) != 0;
        boolean last = (control & 2) != 0;
        ByteBuffer b = c.buffer();
        if (!b.hasArray()) {
            return new Pdv(pcid, command, last, c.bytes(n, "PDV data"));
        }
        int at = b.arrayOffset() + b.position();
        c.skip(n, "PDV data");
        return new Pdv(pcid, command, last, b.array(), at, n);
    }
}
