package dev.custodian.server.index;

import dev.custodian.dicom.file.FileMetaInformation;
import dev.custodian.dicom.file.Part10StreamWriter;
import dev.custodian.server.store.PendingFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * The storage step of the C-STORE SCP (PS3.4 §B.2.2): the data set arriving on the association
 * becomes a Part 10 file (File Meta Information from the request, PS3.10 §7.1), is made durable,
 * then indexed, in the order of {@link Archive}. Memory is bounded by the buffers and the
 * attributes before Pixel Data, not by the instance size.
 *
 * <p>Failures, each leaving no file and no row: {@link dev.custodian.dicom.data.DicomFormatException}
 * (malformed data set: 0xC000), {@link InvalidInstanceException} (missing UID or UIDs differing
 * from the request: 0xA900), {@link dev.custodian.server.store.StorageFullException} (0xA700),
 * other {@link IOException} (0xA700 too: the SCP could not keep the data).
 */
public final class Ingest {
    private final Archive archive;
    private final Part10StreamWriter writer;

    public Ingest(Archive archive, Part10StreamWriter writer) {
        this.archive = Objects.requireNonNull(archive, "archive");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    /** Stops attribute extraction at Pixel Data, validates the rest, keeps values up to 64 KiB. */
    public Ingest(Archive archive) {
        this(archive, Part10StreamWriter.defaults());
    }

    /**
     * Stores one instance.
     *
     * @param dataSet           the data set as received (read to its end), in {@code transferSyntaxUid}
     * @param sopClassUid       Affected SOP Class UID of the C-STORE-RQ
     * @param sopInstanceUid    Affected SOP Instance UID of the C-STORE-RQ
     * @param transferSyntaxUid the accepted presentation context's transfer syntax
     * @param reception         calling AE, its address, called AE, time
     */
    public StoreResult store(InputStream dataSet, String sopClassUid, String sopInstanceUid, String transferSyntaxUid,
                             Reception reception) throws IOException {
        FileMetaInformation meta = FileMetaInformation.of(sopClassUid, sopInstanceUid, transferSyntaxUid);
        if (reception.remoteAet() != null) {
            meta = meta.withSourceApplicationEntityTitle(reception.remoteAet());
        }
        try (PendingFile pending = archive.begin()) {
            Part10StreamWriter.Result written = writer.write(dataSet, meta, pending.output());
            InstanceAttributes attributes;
            try {
                attributes = InstanceAttributes.fromDataSet(written.attributes(), transferSyntaxUid);
            } catch (IllegalArgumentException e) {
                throw new InvalidInstanceException("data set " + e.getMessage());
            }
            requireSame("SOP Instance UID (0008,0018)", sopInstanceUid, attributes.sopInstanceUid());
            requireSame("SOP Class UID (0008,0016)", sopClassUid, attributes.sopClassUid());
            return archive.commit(pending, attributes, reception);
        }
    }

    private static void requireSame(String what, String request, String dataSet) throws InvalidInstanceException {
        if (!request.equals(dataSet)) {
            throw new InvalidInstanceException(what + " of the data set is " + dataSet
                    + " but the request names " + request);
        }
    }
}
