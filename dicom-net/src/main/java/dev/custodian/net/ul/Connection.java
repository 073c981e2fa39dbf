package dev.custodian.net.ul;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/**
 * The transport connection an association runs on (PS3.8 §9.1: TCP, optionally TLS). The
 * transport package provides the socket implementation; tests can use in-memory pipes.
 */
public interface Connection {

    /** Unbuffered: the association's reader buffers it ({@link dev.custodian.net.pdu.PduInput}). */
    InputStream input();

    /** Buffered; the association flushes after every PDU. */
    OutputStream output();

    /** Read timeout for idle detection; {@link Duration#ZERO} = none. */
    void setReadTimeout(Duration timeout) throws IOException;

    /** "host:port" of the peer, for log lines. */
    String remoteAddress();

    /** Closes the connection; idempotent, never throws. */
    void close();
}
