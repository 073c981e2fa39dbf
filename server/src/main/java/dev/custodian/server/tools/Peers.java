package dev.custodian.server.tools;

import dev.custodian.net.service.DicomConnection;
import dev.custodian.stgcmt.RemoteAe;
import java.io.IOException;

/** Small helpers about the peer of a tool. */
final class Peers {
    private Peers() {
    }

    /** {@code AET@host:port}, as given with {@code -c}. */
    static String name(RemoteAe peer) {
        return peer.aeTitle() + "@" + peer.host() + ":" + peer.port();
    }

    /** A-RELEASE after the outstanding responses; a peer that aborts instead changes nothing for the tool. */
    static void releaseQuietly(DicomConnection c) {
        try {
            c.release();
        } catch (IOException | RuntimeException e) {
            c.abort();
        }
    }
}
