package dev.custodian.interop.support;

import dev.custodian.dicom.file.FileMetaInformation;
import dev.custodian.dicom.file.Part10Header;
import dev.custodian.dicom.file.Part10Reader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A Part 10 file split into its File Meta Information and its data set bytes, everything after the
 * meta information (PS3.10 §7.1): what the byte-for-byte checks compare.
 */
public record Part10(FileMetaInformation meta, byte[] dataSet) {

    public static Part10 of(byte[] file) throws IOException {
        Part10Header h = new Part10Reader().readHeader(new ByteArrayInputStream(file));
        FileMetaInformation meta = h.meta().orElseThrow(() -> new AssertionError("no File Meta Information"));
        return new Part10(meta, Arrays.copyOfRange(file, (int) h.dataSetOffset(), file.length));
    }

    public static Part10 read(Path file) throws IOException {
        return of(Files.readAllBytes(file));
    }

    public String sopClassUid() {
        return meta.mediaStorageSopClassUid();
    }

    public String sopInstanceUid() {
        return meta.mediaStorageSopInstanceUid();
    }

    public String transferSyntaxUid() {
        return meta.transferSyntaxUid();
    }
}
