package dev.custodian.net.ul;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Writes a data set to the stream {@link Association#send} gives it; the stream cuts it into
 * P-DATA-TF PDUs of the peer's maximum length as it goes, so the data set never needs to be in
 * memory. Must not close the stream.
 */
@FunctionalInterface
public interface DataWriter {

    void writeTo(OutputStream out) throws IOException;

    /** Copies an input stream (e.g. a file) to the association. */
    static DataWriter of(InputStream in) {
        return in::transferTo;
    }

    /** A data set already in memory. */
    static DataWriter of(byte[] bytes) {
        return out -> out.write(bytes);
    }
}
