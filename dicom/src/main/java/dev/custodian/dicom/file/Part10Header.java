package dev.custodian.dicom.file;

import dev.custodian.dicom.codec.TransferSyntax;
import dev.custodian.dicom.data.DataSet;
import java.io.InputStream;
import java.util.Optional;

/**
 * What precedes the data set of a DICOM file (PS3.10 §7.1), and the stream positioned at the data set.
 *
 * @param preamble       the file had a 128-byte preamble and "DICM"
 * @param fileMeta       the group 0002 elements read (empty for a raw data set)
 * @param transferSyntax the data set's transfer syntax: from (0002,0010), or detected for a raw data set
 * @param dataSetOffset  offset of the first data set byte in the file
 * @param dataSet        the stream, positioned at the first data set byte
 */
public record Part10Header(boolean preamble, DataSet fileMeta, TransferSyntax transferSyntax, long dataSetOffset,
                           InputStream dataSet) {
    /** The meta information, when the required UIDs are present. */
    public Optional<FileMetaInformation> meta() {
        return FileMetaInformation.fromDataSet(fileMeta);
    }
}
