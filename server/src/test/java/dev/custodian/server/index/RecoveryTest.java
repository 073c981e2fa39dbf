package dev.custodian.server.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.dicom.codec.DicomWriter;
import dev.custodian.dicom.codec.TransferSyntax;
import dev.custodian.dicom.data.DataSet;
import dev.custodian.dicom.data.VR;
import dev.custodian.dicom.dict.Tag;
import dev.custodian.dicom.file.FileMetaInformation;
import dev.custodian.dicom.file.Part10StreamWriter;
import dev.custodian.server.store.FileSystemStorageArea;
import dev.custodian.server.store.PendingFile;
import dev.custodian.server.store.StoredFile;
import dev.custodian.server.store.VerifyResult;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryTest {
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private static final String IMPLICIT_LE = "1.2.840.10008.1.2";

    @TempDir
    Path dir;
    private IndexDatabase db;
    private Archive archive;

    @BeforeEach
    void open() throws Exception {
        db = IndexDatabase.sqlite(dir.resolve("index.db"));
        FileSystemStorageArea storage = FileSystemStorageArea.open(dir.resolve("storage"), 0);
        archive = new Archive(storage, new Index(db, Clock.systemUTC(), 0), false);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static byte[] dataSet(String sop) throws Exception {
        DataSet ds = new DataSet();
        ds.setString(Tag.SOPClassUID, VR.UI, CT);
        ds.setString(Tag.SOPInstanceUID, VR.UI, sop);
        ds.setString(Tag.PatientID, VR.LO, "P");
        ds.setString(Tag.StudyInstanceUID, VR.UI, "1.2.3");
        ds.setString(Tag.SeriesInstanceUID, VR.UI, "1.2.3.4");
        ds.setBytes(Tag.PixelData, VR.OW, new byte[2048]);
        return DicomWriter.toBytes(ds, TransferSyntax.of(IMPLICIT_LE));
    }

    /** A file renamed into the storage area whose index transaction never happened (a crash). */
    private StoredFile orphan(byte[] dataSet, String sop, boolean truncate) throws Exception {
        try (PendingFile p = archive.begin()) {
            FileMetaInformation meta = FileMetaInformation.of(CT, sop, IMPLICIT_LE).withSourceApplicationEntityTitle("CT1");
            if (truncate) {
                java.io.ByteArrayOutputStream whole = new java.io.ByteArrayOutputStream();
                Part10StreamWriter.defaults().write(new ByteArrayInputStream(dataSet), meta, whole);
                byte[] bytes = whole.toByteArray();
                p.output().write(Arrays.copyOf(bytes, bytes.length - 100));
            } else {
                Part10StreamWriter.defaults().write(new ByteArrayInputStream(dataSet), meta, p.output());
            }
            return p.commit();
        }
    }

    @Test
    void completeUnindexedFileIsIndexedAgainWithItsChecksum() throws Exception {
        StoredFile file = orphan(dataSet("1.2.3.4.5"), "1.2.3.4.5", false);
        Recovery.Result r = new Recovery(archive).run(Instant.MIN, Instant.MAX);
        assertThat(r).isEqualTo(new Recovery.Result(1, 0, 0));
        Resource instance = archive.index().findInstanceBySopInstanceUid("1.2.3.4.5").orElseThrow();
        assertThat(instance.file().file()).isEqualTo(file);
        assertThat(instance.file().reception().remoteAet()).isEqualTo("CT1");
        assertThat(archive.verify(instance)).isEqualTo(VerifyResult.OK);
        assertThat(new Recovery(archive).run(Instant.MIN, Instant.MAX)).isEqualTo(new Recovery.Result(0, 0, 0));
    }

    @Test
    void truncatedAndGarbageFilesAreRemoved() throws Exception {
        StoredFile truncated = orphan(dataSet("1.2.3.4.6"), "1.2.3.4.6", true);
        StoredFile garbage;
        try (PendingFile p = archive.begin()) {
            p.output().write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
            garbage = p.commit();
        }
        assertThat(new Recovery(archive).run(Instant.MIN, Instant.MAX)).isEqualTo(new Recovery.Result(0, 0, 2));
        assertThat(archive.index().findInstanceBySopInstanceUid("1.2.3.4.6")).isEmpty();
        assertThat(archive.storage().verify(truncated)).isEqualTo(VerifyResult.MISSING);
        assertThat(archive.storage().verify(garbage)).isEqualTo(VerifyResult.MISSING);
    }

    @Test
    void secondCopyOfAnIndexedInstanceIsRemoved() throws Exception {
        byte[] ds = dataSet("1.2.3.4.7");
        new Ingest(archive).store(new ByteArrayInputStream(ds), CT, "1.2.3.4.7", IMPLICIT_LE,
                Reception.dicom("CT1", "127.0.0.1", "CUSTODIAN", Instant.now()));
        StoredFile copy = orphan(ds, "1.2.3.4.7", false);
        assertThat(new Recovery(archive).run(Instant.MIN, Instant.MAX)).isEqualTo(new Recovery.Result(0, 1, 0));
        assertThat(archive.storage().verify(copy)).isEqualTo(VerifyResult.MISSING);
    }

    @Test
    void filesOutsideTheWindowAreLeftAlone() throws Exception {
        orphan(dataSet("1.2.3.4.8"), "1.2.3.4.8", false);
        assertThat(new Recovery(archive).run(Instant.now().plusSeconds(60), Instant.MAX))
                .isEqualTo(new Recovery.Result(0, 0, 0));
        assertThat(archive.index().findInstanceBySopInstanceUid("1.2.3.4.8")).isEmpty();
    }
}
