package dev.custodian.net.dimse;

import dev.custodian.net.ul.DataSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands a data set from the association's reader thread (which pushes PDV fragments into the
 * {@link DataSink} side) to the thread performing the request (which reads the
 * {@link InputStream} side). Holds at most {@code capacity} fragments: a full pipe blocks the
 * reader, which stops reading the socket, which slows the peer (TCP backpressure), so memory is
 * bounded by a few PDUs whatever the size of the data set.
 */
final class DataPipe extends InputStream implements DataSink {
    private static final byte[] EOF = new byte[0];

    private final BlockingQueue<byte[]> fragments;
    private final long timeoutMillis;
    private volatile IOException failure;
    private byte[] current = new byte[0];
    private int pos;
    private boolean ended;

    /** @param timeoutMillis how long either side waits for the other before giving up */
    DataPipe(int capacity, long timeoutMillis) {
        this.fragments = new ArrayBlockingQueue<>(capacity);
        this.timeoutMillis = timeoutMillis;
    }

    // ---- reader-thread side ----

    @Override
    public void onData(byte[] buffer, int offset, int length, boolean last) throws IOException {
        if (length > 0) {
            byte[] copy = new byte[length];
            System.arraycopy(buffer, offset, copy, 0, length);
            put(copy);
        }
        if (last) {
            put(EOF);
        }
    }

    /** The association ended before the data set did: the reading side fails with {@code cause}. */
    void fail(IOException cause) {
        failure = cause;
        fragments.clear();
        fragments.offer(EOF);
    }

    private void put(byte[] fragment) throws IOException {
        try {
            if (!fragments.offer(fragment, timeoutMillis, TimeUnit.MILLISECONDS)) {
                throw new IOException("Data set not consumed within " + timeoutMillis + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while passing on a data set fragment");
        }
    }

    // ---- performing side ----

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public int available() {
        return current.length - pos;
    }

    private boolean fill() throws IOException {
        while (pos == current.length) {
            if (ended) {
                return false;
            }
            byte[] next;
            try {
                next = fragments.poll(timeoutMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while waiting for the data set");
            }
            if (next == null) {
                throw new IOException("No data set fragment within " + timeoutMillis + " ms");
            }
            if (failure != null) {
                ended = true;
                throw new IOException("Data set incomplete: " + failure.getMessage(), failure);
            }
            if (next == EOF) {
                ended = true;
                return false;
            }
            current = next;
            pos = 0;
        }
        return true;
    }
}
