package dev.custodian.net.pdu;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Encodes PDUs (PS3.8 §9.3): record in, bytes out. Pure: no sockets, threads or logging; the
 * caller owns the stream and decides when to flush.
 */
public final class PduWriter {

    private final ItemEncoder items = new ItemEncoder();

    /** Writes one PDU. Does not flush. */
    public void write(Pdu pdu, OutputStream out) throws IOException {
        Objects.requireNonNull(pdu, "pdu");
        if (pdu instanceof AAssociateRq rq) {
            writeWithHeader(pdu.type(), items.associateRq(rq), out);
        } else if (pdu instanceof AAssociateAc ac) {
            writeWithHeader(pdu.type(), items.associateAc(ac), out);
        } else if (pdu instanceof AAssociateRj rj) {
            writeFixed(pdu.type(), 0, rj.result().code(), rj.source().code(), rj.reason(), out);
        } else if (pdu instanceof PDataTf p) {
            writePDataTf(p, out);
        } else if (pdu instanceof AAbort a) {
            writeFixed(pdu.type(), 0, 0, a.source().code(), a.reason().code(), out);
        } else {
            writeFixed(pdu.type(), 0, 0, 0, 0, out); // A-RELEASE-RQ / -RP: 4 reserved bytes
        }
    }

    /** The PDU as a byte array. */
    public byte[] encode(Pdu pdu) {
        var out = new ByteArrayOutputStream();
        try {
            write(pdu, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Writes a P-DATA-TF PDU holding one PDV straight from {@code buf} without building a record:
     * the path used to stream large data sets. PS3.8 §9.3.5, Annex E.2.
     */
    public void writeSinglePdv(int presentationContextId, boolean command, boolean last, byte[] buf, int off, int len,
                               OutputStream out) throws IOException {
        Names.presentationContextId(presentationContextId);
        Objects.checkFromIndexSize(off, len, buf.length);
        byte[] head = new byte[12];
        putInt(head, 2, len + 6);
        putInt(head, 6, len + 2);
        head[0] = Pdu.TYPE_P_DATA_TF;
        head[10] = (byte) presentationContextId;
        head[11] = (byte) ((command ? 1 : 0) | (last ? 2 : 0));
        out.write(head);
        out.write(buf, off, len);
    }

    private static void writePDataTf(PDataTf p, OutputStream out) throws IOException {
        long length = p.variableLength();
        if (length > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("P-DATA-TF longer than 4 GB");
        }
        byte[] head = new byte[6];
        head[0] = Pdu.TYPE_P_DATA_TF;
        putInt(head, 2, (int) length);
        out.write(head);
        for (Pdv pdv : p.pdvs()) {
            byte[] ph = new byte[6];
            putInt(ph, 0, pdv.length() + 2);
            ph[4] = (byte) pdv.presentationContextId();
            ph[5] = (byte) ((pdv.command() ? 1 : 0) | (pdv.last() ? 2 : 0));
            out.write(ph);
            out.write(pdv.buffer(), pdv.offset(), pdv.length());
        }
    }

    private static void writeWithHeader(int type, byte[] body, OutputStream out) throws IOException {
        byte[] head = new byte[6];
        head[0] = (byte) type;
        putInt(head, 2, body.length);
        out.write(head);
        out.write(body);
    }

    private static void writeFixed(int type, int b0, int b1, int b2, int b3, OutputStream out) throws IOException {
        out.write(new byte[] {(byte) type, 0, 0, 0, 0, 4, (byte) b0, (byte) b1, (byte) b2, (byte) b3});
    }

    static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
