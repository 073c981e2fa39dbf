package dev.custodian.dicom.data;

/**
 * A value that was not kept in memory: the reader handed it to a bulk data sink, which returned
 * where it put it. {@code uri} names the place (e.g. a file path or {@code "discarded:"} for a value
 * that was validated and dropped), {@code offset} is the position of the value in the data set
 * stream it was read from and {@code length} its length in bytes.
 */
public record BulkData(String uri, long offset, long length) implements BinaryValue {
    /** The URI given to values that were dropped. */
    public static final String DISCARDED = "discarded:";

    public BulkData {
        if (uri == null) {
            throw new IllegalArgumentException("uri must not be null");
        }
        if (offset < -1 || length < 0) {
            throw new IllegalArgumentException("bad offset/length " + offset + "/" + length);
        }
    }

    public boolean isDiscarded() {
        return DISCARDED.equals(uri);
    }
}
