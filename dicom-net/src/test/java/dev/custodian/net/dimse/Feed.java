package dev.custodian.net.dimse;

import dev.custodian.net.ul.DataSink;
import java.io.IOException;
import java.io.InputStream;

/**
 * Delivers a message to a session the way the upper layer does: the command, with the data set
 * readable in fragments through the channel's {@link DimseChannel#dataSet()} during that call; the
 * fragments the session did not read are then pushed into the sink it returned.
 */
public final class Feed {
    static final int FRAGMENT = 1000;

    /** A test channel that can hand a session the data set of the message being delivered. */
    public interface Target {
        void incoming(InputStream dataSet);
    }

    private Feed() {
    }

    /** @param data the data set, or null when the command announces none */
    public static void message(DimseSession session, int contextId, byte[] command, byte[] data) throws IOException {
        Fragments in = new Fragments(data, -1);
        ((Target) session.channel()).incoming(in);
        DataSink sink = session.onCommand(contextId, command);
        if (in.ended()) {
            return;
        }
        if (sink == DataSink.NO_DATA_SET) {
            if (data != null) {
                throw new AssertionError("session expected no data set");
            }
            return;
        }
        byte[] bytes = data == null ? new byte[0] : data;
        int off = in.position();
        do {
            int n = Math.min(FRAGMENT, bytes.length - off);
            sink.onData(bytes, off, n, off + n == bytes.length);
            off += n;
        } while (off < bytes.length);
    }

    /**
     * A data set read in fragments of at most {@value #FRAGMENT} bytes; with {@code failAt >= 0}
     * reads fail past that many bytes, as when the association ends under the data set.
     */
    static final class Fragments extends InputStream {
        private final byte[] data;
        private final int failAt;
        private int pos;

        Fragments(byte[] data, int failAt) {
            this.data = data;
            this.failAt = failAt;
        }

        boolean ended() {
            return data != null && pos == data.length;
        }

        int position() {
            return pos;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (data == null) {
                throw new AssertionError("the command announced no data set, yet it was read");
            }
            if (failAt >= 0 && pos >= failAt) {
                throw new IOException("association aborted under the data set");
            }
            if (pos == data.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, FRAGMENT), data.length - pos);
            if (failAt >= 0) {
                n = Math.min(n, Math.max(1, failAt - pos));
            }
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
