package dev.custodian.net.dimse;

import dev.custodian.net.ul.DataSink;
import java.io.IOException;

/** Delivers a message to a session the way the upper layer does: command, then data fragments. */
public final class Feed {
    private static final int FRAGMENT = 1000;

    private Feed() {
    }

    /** @param data the data set, or null when the command announces none */
    public static void message(DimseSession session, int contextId, byte[] command, byte[] data) throws IOException {
        DataSink sink = session.onCommand(contextId, command);
        if (sink == DataSink.NO_DATA_SET) {
            if (data != null) {
                throw new AssertionError("session expected no data set");
            }
            return;
        }
        byte[] bytes = data == null ? new byte[0] : data;
        int off = 0;
        do {
            int n = Math.min(FRAGMENT, bytes.length - off);
            sink.onData(bytes, off, n, off + n == bytes.length);
            off += n;
        } while (off < bytes.length);
    }
}
