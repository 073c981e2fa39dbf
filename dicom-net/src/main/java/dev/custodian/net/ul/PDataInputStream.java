package dev.custodian.net.ul;

import dev.custodian.net.pdu.Pdv;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The data set of one incoming message (PS3.8 Annex E), read on the association's reader thread
 * while the {@link MessageListener} handles its command: when the fragment in hand is used up, a
 * read asks the {@link Source} — the reader — for the next data PDV of this message, which reads
 * and dispatches PDUs until one comes. No thread hand-off and no copy: each fragment is a slice
 * of its P-DATA-TF body. Ends (returns -1) after the fragment marked last. Throws
 * {@link DataSetInterruptedException} when the association ends, is aborted or breaks the protocol before that;
 * the association is then already being closed.
 */
final class PDataInputStream extends InputStream {

    /** Where the fragments come from: the reader, pulling PDUs from the transport. */
    interface Source {
        /** The next data PDV of the message being delivered (checked by the assembler). */
        Pdv nextData() throws IOException;
    }

    private static final byte[] NONE = new byte[0];

    private final Source source;
    private final Thread reader = Thread.currentThread();
    private byte[] buf = NONE;
    private int pos;
    private int end;
    private boolean started;
    private boolean lastReceived;
    private boolean detached;
    private IOException failure;

    /** Made on the reader thread, the only one that may read it. */
    PDataInputStream(Source source) {
        this.source = source;
    }

    /** True once a fragment was pulled. */
    boolean started() {
        return started;
    }

    /** True once the last fragment was pulled: the message is complete on the wire. */
    boolean ended() {
        return lastReceived;
    }

    /** The listener's call is over: no more fragments may be pulled through this stream. */
    void detach() {
        detached = true;
    }

    @Override
    public int read() throws IOException {
        return fill() ? buf[pos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, end - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        while (skipped < n && fill()) {
            int k = (int) Math.min(n - skipped, end - pos);
            pos += k;
            skipped += k;
        }
        return skipped;
    }

    @Override
    public int available() {
        return end - pos;
    }

    /** Writes the rest of the data set straight from the fragments, without an intermediate buffer. */
    @Override
    public long transferTo(OutputStream out) throws IOException {
        long total = 0;
        while (fill()) {
            int n = end - pos;
            out.write(buf, pos, n);
            pos = end;
            total += n;
        }
        return total;
    }

    /** Hands what is left of the fragment in hand (not the last one) to {@code sink}. */
    void pushRest(DataSink sink) throws IOException {
        if (pos < end) {
            int from = pos;
            pos = end;
            sink.onData(buf, from, end - from, false);
        }
    }

    private boolean fill() throws IOException {
        while (pos == end) {
            if (lastReceived) {
                return false;
            }
            if (failure != null) {
                throw new DataSetInterruptedException(failure.getMessage(), failure);
            }
            if (detached || Thread.currentThread() != reader) {
                throw new IllegalStateException("the data set is read on the reader thread, during onCommand");
            }
            Pdv pdv;
            try {
                pdv = source.nextData();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
            started = true;
            lastReceived = pdv.last();
            buf = pdv.buffer();
            pos = pdv.offset();
            end = pos + pdv.length();
        }
        return true;
    }
}
