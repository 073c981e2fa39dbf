package dev.custodian.net.service;

import dev.custodian.dicom.codec.DicomReader;
import dev.custodian.dicom.codec.DicomReaderOptions;
import dev.custodian.dicom.codec.DicomWriter;
import dev.custodian.dicom.codec.DicomWriterOptions;
import dev.custodian.dicom.codec.TransferSyntax;
import dev.custodian.dicom.data.DataSet;
import dev.custodian.dicom.data.DicomFormatException;
import dev.custodian.dicom.file.FileMetaInformation;
import dev.custodian.dicom.file.Part10Header;
import dev.custodian.dicom.file.Part10Reader;
import dev.custodian.net.ul.DataWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Part 10 file (PS3.10 §7.1) to send with C-STORE: its SOP class and instance and transfer
 * syntax from the File Meta Information, and its data set, sent as the file holds it or
 * transcoded to another native (uncompressed) syntax with the {@code dicom} codec.
 */
record Part10Source(Path file, String sopClassUid, String sopInstanceUid, TransferSyntax transferSyntax,
                    long dataSetOffset) {

    /** Reads the file's header. */
    static Part10Source open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Part10Header h = new Part10Reader().readHeader(in);
            FileMetaInformation meta = h.meta().orElseThrow(() -> new DicomFormatException(
                    file + " has no File Meta Information with SOP Class, Instance and Transfer Syntax UIDs"));
            return new Part10Source(file, meta.mediaStorageSopClassUid(), meta.mediaStorageSopInstanceUid(),
                    h.transferSyntax(), h.dataSetOffset());
        }
    }

    /** True when the data set may be transcoded (native pixel data, a syntax the codec writes). */
    boolean transcodable() {
        return transferSyntax.isNative();
    }

    /** The data set bytes exactly as in the file. */
    DataWriter verbatim() {
        return out -> {
            try (InputStream in = Files.newInputStream(file)) {
                in.skipNBytes(dataSetOffset);
                in.transferTo(out);
            }
        };
    }

    /**
     * The data set re-encoded in {@code target}, a native syntax. The data set is parsed into
     * memory (bounded by the reader's value limit) to be re-encoded.
     */
    DataWriter transcodedTo(TransferSyntax target) {
        return out -> {
            try (InputStream in = Files.newInputStream(file)) {
                in.skipNBytes(dataSetOffset);
                DataSet ds = new DicomReader(in, transferSyntax, DicomReaderOptions.DEFAULT, dataSetOffset, -1)
                        .readDataSet();
                new DicomWriter(out, target, DicomWriterOptions.DEFAULT).writeDataSet(ds);
            }
        };
    }
}
