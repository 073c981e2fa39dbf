package dev.custodian.server.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.dicom.codec.DicomWriter;
import dev.custodian.dicom.codec.TransferSyntax;
import dev.custodian.dicom.data.DataSet;
import dev.custodian.dicom.data.DicomFormatException;
import dev.custodian.dicom.data.VR;
import dev.custodian.dicom.dict.Tag;
import dev.custodian.dicom.file.DicomFile;
import dev.custodian.dicom.file.Part10Reader;
import dev.custodian.server.store.InMemoryStorageArea;
import dev.custodian.server.store.StorageFullException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestTest {
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private static final String IMPLICIT_LE = "1.2.840.10008.1.2";

    @TempDir
    Path dir;

    private IndexDatabase db;

    private Archive archive(InMemoryStorageArea storage) {
        db = IndexDatabase.sqlite(dir.resolve("index.db"));
        return new Archive(storage, new Index(db, Clock.systemUTC(), 0), false);
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private static byte[] dataSet(String sop, int pixelBytes) throws Exception {
        DataSet ds = new DataSet();
        ds.setString(Tag.SOPClassUID, VR.UI, CT);
        ds.setString(Tag.SOPInstanceUID, VR.UI, sop);
        ds.setString(Tag.PatientID, VR.LO, "P");
        ds.setString(Tag.StudyInstanceUID, VR.UI, "1.2.3");
        ds.setString(Tag.SeriesInstanceUID, VR.UI, "1.2.3.4");
        ds.setString(Tag.InstanceNumber, VR.IS, "5");
        ds.setBytes(Tag.PixelData, VR.OW, new byte[pixelBytes]);
        return DicomWriter.toBytes(ds, TransferSyntax.of(IMPLICIT_LE));
    }

    @Test
    void networkDataSetBecomesAPart10FileAndAnIndexedInstance() throws Exception {
        InMemoryStorageArea storage = new InMemoryStorageArea();
        Archive archive = archive(storage);
        byte[] received = dataSet("1.2.3.4.5", 4096);
        StoreResult r = new Ingest(archive).store(new ByteArrayInputStream(received), CT, "1.2.3.4.5", IMPLICIT_LE,
                Reception.dicom("MODALITY", "127.0.0.1", "CUSTODIAN", java.time.Instant.now()));

        assertThat(r.status()).isEqualTo(StoreResult.Status.SUCCESS);
        assertThat(r.instanceId()).isEqualTo(OrthancIds.instance("P", "1.2.3", "1.2.3.4", "1.2.3.4.5"));
        Resource instance = archive.index().find(ResourceLevel.INSTANCE, r.instanceId()).orElseThrow();
        assertThat(instance.tags()).containsEntry(MainDicomTag.TRANSFER_SYNTAX_UID, IMPLICIT_LE)
                .containsEntry(MainDicomTag.INSTANCE_NUMBER, "5");
        try (InputStream in = archive.openInstance(r.instanceId()).orElseThrow()) {
            DicomFile file = new Part10Reader().read(in);
            assertThat(file.meta().orElseThrow().mediaStorageSopInstanceUid()).isEqualTo("1.2.3.4.5");
            assertThat(file.fileMeta().getString(Tag.SourceApplicationEntityTitle)).contains("MODALITY");
            assertThat(file.dataSet().getBytes(Tag.PixelData).orElseThrow()).hasSize(4096);
        }
        assertThat(archive.verify(instance)).isEqualTo(dev.custodian.server.store.VerifyResult.OK);
    }

    @Test
    void failuresLeaveNoFileAndNoRow() throws Exception {
        InMemoryStorageArea storage = new InMemoryStorageArea();
        Archive archive = archive(storage);
        Ingest ingest = new Ingest(archive);
        Reception from = Reception.dicom("M", "127.0.0.1", "C", java.time.Instant.now());
        byte[] good = dataSet("1.2.3.4.6", 1024);

        assertThatThrownBy(() -> ingest.store(new ByteArrayInputStream(Arrays.copyOf(good, good.length - 10)),
                CT, "1.2.3.4.6", IMPLICIT_LE, from)).isInstanceOf(DicomFormatException.class);
        assertThatThrownBy(() -> ingest.store(new ByteArrayInputStream(good), CT, "9.9.9", IMPLICIT_LE, from))
                .isInstanceOf(InvalidInstanceException.class).hasMessageContaining("9.9.9");
        assertThatThrownBy(() -> ingest.store(new ByteArrayInputStream(good), "1.2.840.10008.5.1.4.1.1.4",
                "1.2.3.4.6", IMPLICIT_LE, from)).isInstanceOf(InvalidInstanceException.class);
        assertThat(storage.fileCount()).isZero();
        assertThat(storage.usedBytes()).isZero();
        assertThat(archive.index().statistics().instances()).isZero();
    }

    @Test
    void fullStorageIsReportedAsSuch() throws Exception {
        InMemoryStorageArea storage = new InMemoryStorageArea(2000, UUID::randomUUID);
        Archive archive = archive(storage);
        assertThatThrownBy(() -> new Ingest(archive).store(new ByteArrayInputStream(dataSet("1.2.3.4.7", 4096)),
                CT, "1.2.3.4.7", IMPLICIT_LE, Reception.dicom("M", null, null, java.time.Instant.now())))
                .isInstanceOf(StorageFullException.class);
        assertThat(storage.usedBytes()).isZero();
    }
}
