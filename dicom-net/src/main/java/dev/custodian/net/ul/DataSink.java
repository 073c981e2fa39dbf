package dev.custodian.net.ul;

import java.io.IOException;

/**
 * Receives the data set fragments (PS3.8 Annex E) that a {@link MessageListener} did not read
 * through {@link Association#dataSet()}, as they arrive. The buffer is only valid during the call
 * (the upper layer reads the next P-DATA-TF into it): write the bytes out or copy them before
 * returning, and do not modify them.
 */
@FunctionalInterface
public interface DataSink {

    /** Marker: the command has no data set; a data fragment for it aborts the association. */
    DataSink NO_DATA_SET = (b, off, len, last) -> {
        throw new IllegalStateException("NO_DATA_SET is a marker and receives nothing");
    };

    void onData(byte[] buffer, int offset, int length, boolean last) throws IOException;
}
