package dev.custodian.net.dimse;

import dev.custodian.net.ul.DataSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Hands a data set from the association's reader thread (which pushes PDV fragments into the
 * {@link DataSink} side) to the thread performing the request (which reads the
 * {@link InputStream} side). Holds at most {@code maxBytes} (and always at least one fragment):
 * a full pipe blocks the reader, which stops reading the socket, which slows the peer (TCP
 * backpressure), so memory is bounded whatever the size of the data set. The bound is in bytes,
 * not fragments, so that small PDUs (storescu's 16 KB) do not cost a thread hand-off each.
 */
final class DataPipe extends InputStream implements DataSink {
    private static final byte[] EOF = new byte[0];

    private final ArrayDeque<byte[]> fragments = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final long maxBytes;
    private final long timeoutMillis;
    private long queuedBytes;
    private volatile IOException failure;
    private byte[] current = new byte[0];
    private int pos;
    private boolean ended;

    /** @param timeoutMillis how long either side waits for the other before giving up */
    DataPipe(long maxBytes, long timeoutMillis) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        this.maxBytes = maxBytes;
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
        lock.lock();
        try {
            failure = cause;
            fragments.clear();
            queuedBytes = 0;
            fragments.add(EOF);
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void put(byte[] fragment) throws IOException {
        lock.lock();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (!fragments.isEmpty() && queuedBytes + fragment.length > maxBytes) {
                if (nanos <= 0) {
                    throw new IOException("Data set not consumed within " + timeoutMillis + " ms");
                }
                nanos = notFull.awaitNanos(nanos);
            }
            fragments.add(fragment);
            queuedBytes += fragment.length;
            notEmpty.signal();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while passing on a data set fragment");
        } finally {
            lock.unlock();
        }
    }

    private byte[] take() throws IOException {
        lock.lock();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (fragments.isEmpty()) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            byte[] next = fragments.poll();
            queuedBytes -= next.length;
            notFull.signal();
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for the data set");
        } finally {
            lock.unlock();
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
            byte[] next = take();
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
