package dev.custodian.net.ul;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** Two {@link Connection}s joined by bounded in-memory pipes: an association without sockets. */
final class MemoryConnection implements Connection {

    /** A bounded byte pipe; closing either end ends it (reads see EOF, writes fail). */
    static final class Pipe {
        private final byte[] ring = new byte[8192];
        private int head;
        private int size;
        private boolean closed;

        synchronized void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                while (size == ring.length && !closed) {
                    waitQuietly(0);
                }
                if (closed) {
                    throw new IOException("pipe closed");
                }
                int n = Math.min(len, ring.length - size);
                for (int i = 0; i < n; i++) {
                    ring[(head + size + i) % ring.length] = b[off + i];
                }
                size += n;
                off += n;
                len -= n;
                notifyAll();
            }
        }

        synchronized int read(byte[] b, int off, int len, long timeoutMillis) throws IOException {
            long deadline = System.currentTimeMillis() + timeoutMillis;
            while (size == 0 && !closed) {
                long left = deadline - System.currentTimeMillis();
                if (timeoutMillis > 0 && left <= 0) {
                    throw new SocketTimeoutException("read timed out");
                }
                waitQuietly(timeoutMillis > 0 ? left : 0);
            }
            if (size == 0) {
                return -1;
            }
            int n = Math.min(len, size);
            for (int i = 0; i < n; i++) {
                b[off + i] = ring[(head + i) % ring.length];
            }
            head = (head + n) % ring.length;
            size -= n;
            notifyAll();
            return n;
        }

        synchronized void close() {
            closed = true;
            notifyAll();
        }

        private void waitQuietly(long millis) throws IOException {
            try {
                wait(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException();
            }
        }
    }

    private final Pipe incoming;
    private final Pipe outgoing;
    private final String name;
    private volatile long timeoutMillis;
    volatile boolean closed;

    private MemoryConnection(Pipe incoming, Pipe outgoing, String name) {
        this.incoming = incoming;
        this.outgoing = outgoing;
        this.name = name;
    }

    /** [0] and [1] talk to each other. */
    static MemoryConnection[] pair() {
        Pipe ab = new Pipe();
        Pipe ba = new Pipe();
        return new MemoryConnection[] {new MemoryConnection(ba, ab, "peer-b"), new MemoryConnection(ab, ba, "peer-a")};
    }

    private final InputStream in = new InputStream() {
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
            if (closed) {
                throw new IOException("connection closed");
            }
            return incoming.read(b, off, len, timeoutMillis);
        }
    };

    private final OutputStream out = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            outgoing.write(b, off, len);
        }
    };

    @Override
    public InputStream input() {
        return in;
    }

    @Override
    public OutputStream output() {
        return out;
    }

    @Override
    public void setReadTimeout(Duration timeout) {
        timeoutMillis = timeout.toMillis();
    }

    @Override
    public String remoteAddress() {
        return name;
    }

    @Override
    public void close() {
        closed = true;
        incoming.close();
        outgoing.close();
    }
}
