package dev.custodian.net.ul;

import java.io.IOException;

/**
 * Receives one data set as the PDV fragments arrive (PS3.8 Annex E). The buffer is only valid
 * during the call: copy or write it out before returning.
 */
@FunctionalInterface
public interface DataSink {

    /** Marker: the command has no data set; a data fragment for it aborts the association. */
    DataSink NO_DATA_SET = (b, off, len, last) -> {
        throw new IllegalStateException("NO_DATA_SET is a marker and receives nothing");
    };

    void onData(byte[] buffer, int offset, int length, boolean last) throws IOException;
}
