package dev.custodian.server.commit.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.server.config.ConfigException;
import dev.custodian.server.config.CustodianConfig;
import dev.custodian.server.index.Archive;
import dev.custodian.server.index.Index;
import dev.custodian.server.index.IndexDatabase;
import dev.custodian.server.index.InstanceAttributes;
import dev.custodian.server.index.MainDicomTag;
import dev.custodian.server.index.Reception;
import dev.custodian.server.store.InMemoryStorageArea;
import dev.custodian.stgcmt.FailureReason;
import dev.custodian.stgcmt.SopReference;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Index, File and Checksum on one index: what each commits and which Failure Reason it gives. */
class BuiltInChecksTest {
    static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    static final String MR = "1.2.840.10008.5.1.4.1.1.4";

    @TempDir
    Path dir;
    IndexDatabase db;
    Archive archive;
    InMemoryStorageArea storage;
    CommitmentChecks checks;

    @BeforeEach
    void open() throws Exception {
        db = IndexDatabase.sqlite(dir.resolve("index.db"));
        storage = new InMemoryStorageArea();
        archive = new Archive(storage, new Index(db, Clock.systemUTC(), 0), false);
        checks = CommitmentChecks.builtIn(archive.index(), storage);
        store("1.2.1");
        store("1.2.2");
        store("1.2.3");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void verdictsFollowTheStandardsOrder() throws Exception {
        storage.delete(fileOf("1.2.2"));
        List<SopReference> batch = List.of(new SopReference(CT, "1.2.1"), new SopReference(CT, "1.2.9"),
                new SopReference(MR, "1.2.3"), new SopReference(CT, "1.2.2"),
                new SopReference("1.2.840.10008.3.1.2.3.3", "1.2.8"));
        assertThat(codes("Index", batch)).containsExactly(0, 0x0112, 0x0119, 0, 0x0122);
        assertThat(codes("File", batch)).containsExactly(0, 0x0112, 0x0119, 0x0110, 0x0122);
        assertThat(codes("Checksum", batch)).containsExactly(0, 0x0112, 0x0119, 0x0110, 0x0122);
    }

    @Test
    void checksumFindsADamagedFileThatFileDoesNot() throws Exception {
        String uuid = fileOf("1.2.3");
        byte[] original = storage.open(uuid).readAllBytes();
        original[0] ^= 1;
        storage.overwrite(uuid, original);
        List<SopReference> batch = List.of(new SopReference(CT, "1.2.3"));
        assertThat(codes("File", batch)).containsExactly(0);
        assertThat(codes("Checksum", batch)).containsExactly(0x0110);
    }

    @Test
    void unknownCheckNamesAreConfigurationErrorsNamingTheKey() {
        CustodianConfig config = CustodianConfig.defaults(dir);
        checks.validate(config);
        assertThatThrownBy(() -> checks.require("Bogus", "StorageCommitmentCheck"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("StorageCommitmentCheck")
                .hasMessageContaining("Checksum, File, Index");
        assertThat(checks.names()).containsExactly("Checksum", "File", "Index");
    }

    List<Integer> codes(String check, List<SopReference> batch) throws Exception {
        try (CommitmentCheck.Lookup lookup = checks.find(check).orElseThrow().open(new CheckedTransaction("j", "1.2",
                "A", "B", batch.size(), each -> batch.forEach(each)))) {
            return lookup.check(batch).stream().map(v -> v.failure().map(FailureReason::code).orElse(0)).toList();
        }
    }

    String fileOf(String sop) {
        return archive.index().findInstanceBySopInstanceUid(sop).orElseThrow().file().file().uuid();
    }

    void store(String sop) throws Exception {
        Map<MainDicomTag, String> v = new EnumMap<>(MainDicomTag.class);
        v.put(MainDicomTag.PATIENT_ID, "P");
        v.put(MainDicomTag.STUDY_INSTANCE_UID, "1.2.99.1");
        v.put(MainDicomTag.SERIES_INSTANCE_UID, "1.2.99.1.1");
        v.put(MainDicomTag.SOP_INSTANCE_UID, sop);
        v.put(MainDicomTag.SOP_CLASS_UID, CT);
        archive.store(new ByteArrayInputStream(("bytes of " + sop).getBytes()), new InstanceAttributes(v),
                Reception.rest("127.0.0.1", Instant.now()));
    }
}
