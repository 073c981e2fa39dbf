package dev.custodian.dicom.file;

import dev.custodian.dicom.codec.TransferSyntax;
import dev.custodian.dicom.data.DataSet;
import java.util.Optional;

/**
 * A DICOM file read into memory (PS3.10 §7): its File Meta Information elements (empty for a raw
 * data set without meta), the transfer syntax of the data set, and the data set.
 */
public record DicomFile(DataSet fileMeta, TransferSyntax transferSyntax, DataSet dataSet) {
    public DicomFile {
        if (fileMeta == null || transferSyntax == null || dataSet == null) {
            throw new IllegalArgumentException("fileMeta, transferSyntax and dataSet are required");
        }
    }

    public Optional<FileMetaInformation> meta() {
        return FileMetaInformation.fromDataSet(fileMeta);
    }
}
