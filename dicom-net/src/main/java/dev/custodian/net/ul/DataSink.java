package dev.custodian.net.ul;

import java.io.IOException;

/**
 * Receives the data set fragments (PS3.8 Annex E) that a {@link MessageListener} did not read
 * through {@link Association#dataSet()}, as they arrive. The buffer is handed over: the upper layer
 * reads each P-DATA-TF body into a fresh array and never reuses or modifies it, so the sink may
 * keep the slice {@code buffer[offset, offset + length)} without copying (and must not modify it).
 */
@FunctionalInterface
public interface DataSink {

    /** Marker: the command has no data set; a data fragment for it aborts the association. */
    DataSink NO_DATA_SET = (b, off, len, last) -> {
        throw new IllegalStateException("NO_DATA_SET is a marker and receives nothing");
    };

    void onData(byte[] buffer, int offset, int length, boolean last) throws IOException;
}
