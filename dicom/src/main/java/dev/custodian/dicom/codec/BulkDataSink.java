package dev.custodian.dicom.codec;

import dev.custodian.dicom.data.BulkData;
import dev.custodian.dicom.data.VR;
import java.io.IOException;
import java.io.InputStream;

/**
 * Receives values the reader does not keep in memory (see {@link DicomReaderOptions}): pixel data
 * and any value longer than the configured threshold; for encapsulated pixel data, each fragment
 * (PS3.5 §A.4) separately. The stream is limited to the value and yields its bytes exactly as they
 * are encoded in the data set stream (not byte swapped for Explicit VR Big Endian); a premature
 * end of the underlying stream surfaces as {@link dev.custodian.dicom.data.DicomFormatException}.
 * The sink may read all, part or none of it: the reader skips what is left.
 */
@FunctionalInterface
public interface BulkDataSink {
    /**
     * Consumes one value.
     *
     * @param tag      the element's tag (Pixel Data for fragments)
     * @param vr       the element's VR
     * @param fragment -1 for a plain value; 0, 1, ... for fragments after the Basic Offset Table
     * @param offset   position of the first value byte in the data set stream
     * @param length   the value length in bytes
     * @param value    the value bytes, limited to {@code length}
     * @return the reference to record in the data set
     */
    BulkData store(int tag, VR vr, int fragment, long offset, long length, InputStream value) throws IOException;

    /** A sink that drops every value (the reader still checks it is complete). */
    static BulkDataSink discarding() {
        return (tag, vr, fragment, offset, length, value) -> new BulkData(BulkData.DISCARDED, offset, length);
    }
}
