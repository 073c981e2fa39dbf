package dev.custodian.server.tools;

import dev.custodian.stgcmt.SopReference;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One DICOM file given on the command line, as its File Meta Information describes it (PS3.10
 * §7.1): Media Storage SOP Class / Instance UID and Transfer Syntax UID.
 */
record DicomInput(Path path, String sopClassUid, String sopInstanceUid, String transferSyntaxUid, long size) {
    DicomInput {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sopClassUid, "sopClassUid");
        Objects.requireNonNull(sopInstanceUid, "sopInstanceUid");
        Objects.requireNonNull(transferSyntaxUid, "transferSyntaxUid");
    }

    SopReference reference() {
        return new SopReference(sopClassUid, sopInstanceUid);
    }
}
