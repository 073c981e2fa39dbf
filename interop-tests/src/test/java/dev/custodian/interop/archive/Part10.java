package dev.custodian.interop.archive;

import dev.custodian.dicom.file.FileMetaInformation;
import dev.custodian.dicom.file.Part10Header;
import dev.custodian.dicom.file.Part10Reader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;

/** A Part 10 file split into its File Meta Information and its data set bytes (PS3.10 §7.1). */
record Part10(FileMetaInformation meta, byte[] dataSet) {

    static Part10 of(byte[] file) throws IOException {
        Part10Header h = new Part10Reader().readHeader(new ByteArrayInputStream(file));
        FileMetaInformation meta = h.meta().orElseThrow(() -> new AssertionError("no File Meta Information"));
        return new Part10(meta, Arrays.copyOfRange(file, (int) h.dataSetOffset(), file.length));
    }

    String sopInstanceUid() {
        return meta.mediaStorageSopInstanceUid();
    }
}
