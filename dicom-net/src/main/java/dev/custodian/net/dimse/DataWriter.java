package dev.custodian.net.dimse;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes the data set of an outgoing message, already encoded in the presentation context's
 * transfer syntax. The upper layer fragments what is written into P-DATA-TF PDUs no larger than
 * the peer's max PDU length (PS3.8 §9.3.5), so the data set is never held whole in memory.
 */
@FunctionalInterface
public interface DataWriter {
    void writeTo(OutputStream out) throws IOException;
}
