package dev.custodian.interop.dicom;

import java.util.List;

/**
 * A parsed dcmdump listing: the File Meta Information elements (group 0002, empty when the file
 * has none), the data set elements, and the transfer syntax dcmdump says it used to read the
 * data set (its display name, e.g. "Little Endian Explicit").
 */
record DcmdumpOutput(List<DumpElement> meta, List<DumpElement> dataSet, String dataSetTransferSyntax) {

    DcmdumpOutput {
        meta = List.copyOf(meta);
        dataSet = List.copyOf(dataSet);
    }
}
