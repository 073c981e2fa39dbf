package dev.custodian.net.ul;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Cuts a command or data set into PDV fragments of at most {@code buffer.length} bytes, one
 * P-DATA-TF PDU each; {@link #close()} sends the last fragment. A full buffer is only sent once
 * more bytes arrive, so the last-fragment flag is always on the true last fragment. PS3.8 Annex E.
 */
final class PDataOutputStream extends OutputStream {

    /** Sends one PDV as one P-DATA-TF PDU. */
    interface FragmentSender {
        void send(int presentationContextId, boolean command, boolean last, byte[] b, int off, int len)
                throws IOException;
    }

    private final FragmentSender sender;
    private final int presentationContextId;
    private final boolean command;
    private final byte[] buffer;
    private int count;
    private boolean closed;

    PDataOutputStream(FragmentSender sender, int presentationContextId, boolean command, byte[] buffer) {
        this.sender = sender;
        this.presentationContextId = presentationContextId;
        this.command = command;
        this.buffer = buffer;
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        if (count == buffer.length) {
            emit(false);
        }
        buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ensureOpen();
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        while (len > 0) {
            if (count == buffer.length) {
                emit(false);
            }
            int n = Math.min(len, buffer.length - count);
            System.arraycopy(b, off, buffer, count, n);
            count += n;
            off += n;
            len -= n;
        }
    }

    /** Does not send: a partial fragment waits for more bytes or for close(). */
    @Override
    public void flush() {
        // intentionally empty, see javadoc
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            emit(true);
        }
    }

    private void emit(boolean last) throws IOException {
        sender.send(presentationContextId, command, last, buffer, 0, count);
        count = 0;
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("fragment stream already closed");
        }
    }
}
