package dev.custodian.net.pdu;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * The PDUs (PS3.8 §9.3) of one unbuffered byte stream, read through a single array this class
 * owns: each read of the stream asks for all the free space (one read may bring several PDUs), and
 * a P-DATA-TF is decoded in place, its PDVs being slices of that array. The only copy left is the
 * compaction that moves the start of a PDU which does not fit in the space left to the front of
 * the array: at most one PDU per buffer fill.
 *
 * <p>Validity: the PDVs of a P-DATA-TF returned by {@link #read} are only valid until the next
 * call of {@link #read} or {@link #discard} (for a caller that consumes every PDV before it reads
 * on, like the association's reader).
 *
 * <p>Limits as in {@link PduReader}: a length is checked against the {@link PduLimits} from the
 * 6 header bytes alone. The array starts at {@link #INITIAL_CAPACITY} bytes and grows to hold a
 * whole P-DATA-TF (at most {@code maxPDataLength + 6}); any other PDU longer than the array (an
 * A-ASSOCIATE-RQ/AC) makes it grow only as the peer really sends its bytes.
 *
 * <p>An exception of the stream (such as a read timeout) leaves the bytes buffered so far in
 * place: the next {@link #read} continues where it stopped, losing and repeating nothing. Pure:
 * no sockets, threads or logging; not thread-safe (one instance per stream, on one thread).
 */
public final class PduInput {

    /** The array's size before a PDU longer than it arrives. */
    public static final int INITIAL_CAPACITY = 65_536;

    private final InputStream in;
    private final PduReader reader;
    private byte[] buf;
    /** The unread bytes are {@code buf[pos, limit)}. */
    private int pos;
    private int limit;

    /** @param in an unbuffered stream (this class buffers); exceptions it throws pass through */
    public PduInput(InputStream in, PduReader reader) {
        this(in, reader, INITIAL_CAPACITY);
    }

    PduInput(InputStream in, PduReader reader, int initialCapacity) {
        this.in = Objects.requireNonNull(in, "in");
        this.reader = Objects.requireNonNull(reader, "reader");
        if (initialCapacity < PduReader.HEADER_LENGTH) {
            throw new IllegalArgumentException("capacity " + initialCapacity + " below a PDU header");
        }
        this.buf = new byte[initialCapacity];
    }

    /**
     * Reads exactly one PDU.
     *
     * @throws EOFException       the stream ended, before the PDU (message "end of stream") or in it
     * @throws PduFormatException the bytes are not a valid PDU; the stream can no longer be trusted
     */
    public Pdu read() throws IOException {
        if (pos == limit) {
            pos = 0; // nothing buffered: the whole array is free, without a copy
            limit = 0;
        }
        fill(PduReader.HEADER_LENGTH, false);
        int type = buf[pos] & 0xFF;
        long length = PduReader.bodyLength(buf, pos);
        reader.checkLength(type, length);
        int total = PduReader.HEADER_LENGTH + (int) length; // checked: at most a limit + 6
        fill(total, type != Pdu.TYPE_P_DATA_TF);
        int body = pos + PduReader.HEADER_LENGTH;
        pos += total;
        return reader.decodeBody(type, ByteBuffer.wrap(buf, body, (int) length));
    }

    /**
     * Discards what is buffered or, when nothing is, reads once from the stream and discards that:
     * for draining a stream after a framing error.
     *
     * @return the number of bytes discarded, or -1 at the end of the stream
     */
    public int discard() throws IOException {
        int n = limit - pos;
        pos = 0;
        limit = 0;
        return n > 0 ? n : in.read(buf, 0, buf.length);
    }

    /** Bytes read from the stream but not yet returned as a PDU. */
    int buffered() {
        return limit - pos;
    }

    int capacity() {
        return buf.length;
    }

    /**
     * Reads until {@code need} bytes from {@code pos} are buffered.
     *
     * @param incremental grow the array only as bytes arrive (a PDU other than P-DATA-TF)
     */
    private void fill(int need, boolean incremental) throws IOException {
        while (limit - pos < need) {
            makeRoom(need, incremental);
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                throw endedAfter(limit - pos, need);
            }
            limit += n;
        }
    }

    /** Ensures free space after {@code limit}, and for a whole PDU room for all of it. */
    private void makeRoom(int need, boolean incremental) {
        if (buf.length - pos >= need) {
            return; // the PDU fits where it starts
        }
        if (pos > 0) { // compaction: the partial PDU moves to the front
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (buf.length < need && (!incremental || limit == buf.length)) {
            int grown = incremental ? (int) Math.min(need, 2L * buf.length) : need;
            buf = Arrays.copyOf(buf, grown);
        }
    }

    private EOFException endedAfter(int got, int need) {
        if (got < PduReader.HEADER_LENGTH) {
            return PduReader.endedInHeader(got);
        }
        return PduReader.endedInBody(got - PduReader.HEADER_LENGTH, need - PduReader.HEADER_LENGTH,
                buf[pos] & 0xFF);
    }
}
