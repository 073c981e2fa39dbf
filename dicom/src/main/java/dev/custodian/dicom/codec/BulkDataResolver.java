package dev.custodian.dicom.codec;

import dev.custodian.dicom.data.BulkData;
import java.io.IOException;
import java.io.InputStream;

/** Opens the bytes of a {@link BulkData} reference so that {@link DicomWriter} can write them. */
@FunctionalInterface
public interface BulkDataResolver {
    /** A stream of exactly {@code bulk.length()} bytes, as they are to be written. */
    InputStream open(BulkData bulk) throws IOException;
}
