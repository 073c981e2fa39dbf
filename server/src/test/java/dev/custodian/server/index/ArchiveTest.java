package dev.custodian.server.index;

import static dev.custodian.server.index.TestInstances.attributes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.server.store.InMemoryStorageArea;
import dev.custodian.server.store.PendingFile;
import dev.custodian.server.store.StorageFullException;
import dev.custodian.server.store.VerifyResult;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Storage area and index together: files and rows appear and disappear consistently. */
class ArchiveTest {
    @TempDir
    Path dir;

    private IndexDatabase db;
    private final InMemoryStorageArea storage = new InMemoryStorageArea(0, UUID::randomUUID);

    private Archive archive(boolean overwrite, long maxBytes) {
        if (db == null) {
            db = IndexDatabase.sqlite(dir.resolve("index.db"));
        }
        return new Archive(storage, new Index(db, Clock.fixed(IndexContractTest.NOW, ZoneOffset.UTC), maxBytes), overwrite);
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private static InputStream bytes(int n) {
        return new ByteArrayInputStream(new byte[n]);
    }

    @Test
    void storedInstanceCanBeReadBackAndVerified() throws Exception {
        Archive archive = archive(false, 0);
        StoreResult r = archive.store(bytes(100), attributes("P", "1", "1.1", "1.1.1"), IndexContractTest.FROM_CT);
        try (InputStream in = archive.openInstance(r.instanceId()).orElseThrow()) {
            assertThat(in.readAllBytes()).hasSize(100);
        }
        Resource instance = archive.index().find(ResourceLevel.INSTANCE, r.instanceId()).orElseThrow();
        assertThat(archive.verify(instance)).isEqualTo(VerifyResult.OK);
        storage.overwrite(instance.file().file().uuid(), new byte[100]);
        assertThat(archive.verify(instance)).isEqualTo(VerifyResult.OK);
        storage.overwrite(instance.file().file().uuid(), new byte[99]);
        assertThat(archive.verify(instance)).isEqualTo(VerifyResult.CORRUPTED);
    }

    @Test
    void aCommitWhoseAnswerIsLostKeepsTheFileItsRowRefersTo() throws Exception {
        Archive archive = archive(false, 0);
        // the COMMIT is carried out, then the connection drops before its answer (a database restart)
        java.util.concurrent.atomic.AtomicBoolean lose = new java.util.concurrent.atomic.AtomicBoolean(true);
        db.jdbi().setTransactionHandler(new org.jdbi.v3.core.transaction.DelegatingTransactionHandler(
                new org.jdbi.v3.core.transaction.LocalTransactionHandler()) {
            @Override
            public void commit(org.jdbi.v3.core.Handle handle) {
                super.commit(handle);
                if (lose.getAndSet(false)) {
                    throw new org.jdbi.v3.core.transaction.TransactionException("Failed to commit transaction",
                            new java.sql.SQLException("An I/O error occurred while sending to the backend.", "08006"));
                }
            }
        });
        StoreResult stored = archive.store(bytes(10), attributes("P", "1", "1.1", "1.1.1"), IndexContractTest.FROM_CT);
        assertThat(lose).as("the commit hook ran").isFalse();
        assertThat(stored.status()).isEqualTo(StoreResult.Status.SUCCESS);
        assertThat(storage.fileCount()).as("the file the committed row refers to").isEqualTo(1);
        Resource instance = archive.index().find(ResourceLevel.INSTANCE, stored.instanceId()).orElseThrow();
        assertThat(archive.verify(instance)).isEqualTo(VerifyResult.OK);
    }

    @Test
    void duplicateKeptDeletesTheNewCopy() throws Exception {
        Archive archive = archive(false, 0);
        archive.store(bytes(10), attributes("P", "1", "1.1", "1.1.1"), IndexContractTest.FROM_CT);
        StoreResult again = archive.store(bytes(20), attributes("P", "1", "1.1", "1.1.1"), IndexContractTest.FROM_CT);
        assertThat(again.status()).isEqualTo(StoreResult.Status.ALREADY_STORED);
        assertThat(storage.fileCount()).isEqualTo(1);
        assertThat(storage.usedBytes()).isEqualTo(10);
    }

    @Test
    void overwriteDeletesTheReplacedCopy() throws Exception {
        Archive archive = archive(true, 0);
        archive.store(bytes(10), attributes("P", "1", "1.1", "1.1.1"), IndexContractTest.FROM_CT);
        archive.store(bytes(20), attributes("P", "1", "1.1", "1.1.1"), IndexContractTest.FROM_CT);
        assertThat(storage.fileCount()).isEqualTo(1);
        assertThat(storage.usedBytes()).isEqualTo(20);
    }

    @Test
    void indexRefusalLeavesNoFileAndNoRow() throws Exception {
        Archive archive = archive(false, 50);
        archive.store(bytes(40), attributes("P", "1", "1.1", "1.1.1"), IndexContractTest.FROM_CT);
        assertThatThrownBy(() -> archive.store(bytes(20), attributes("P", "1", "1.1", "1.1.2"), IndexContractTest.FROM_CT))
                .isInstanceOf(StorageFullException.class);
        assertThat(storage.fileCount()).isEqualTo(1);
        assertThat(archive.index().statistics().instances()).isEqualTo(1);
    }

    @Test
    void fullDiskWhileStreamingLeavesNoFileAndNoRow() throws Exception {
        InMemoryStorageArea small = new InMemoryStorageArea(64, UUID::randomUUID);
        db = IndexDatabase.sqlite(dir.resolve("index.db"));
        Archive archive = new Archive(small, new Index(db, Clock.systemUTC(), 0), false);
        assertThatThrownBy(() -> archive.store(bytes(100), attributes("P", "1", "1.1", "1.1.1"), IndexContractTest.FROM_CT))
                .isInstanceOf(StorageFullException.class);
        assertThat(small.fileCount()).isZero();
        assertThat(small.usedBytes()).isZero();
        assertThat(archive.index().statistics().instances()).isZero();
    }

    @Test
    void pendingFileAbortedByTheCallerLeavesNothing() throws Exception {
        Archive archive = archive(false, 0);
        try (PendingFile pending = archive.begin()) {
            pending.output().write(new byte[10]);
            // the association dropped before the data set was complete: no commit
        }
        assertThat(storage.fileCount()).isZero();
        assertThat(storage.usedBytes()).isZero();
    }

    @Test
    void unindexedFilesOlderThanTheCutAreSweptAway() throws Exception {
        Archive archive = archive(false, 0);
        archive.store(bytes(10), attributes("P", "1", "1.1", "1.1.1"), IndexContractTest.FROM_CT);
        try (PendingFile orphan = storage.begin()) {
            orphan.output().write(new byte[5]);
            orphan.commit(); // renamed, then the process "crashed" before the index transaction
        }
        assertThat(storage.fileCount()).isEqualTo(2);
        assertThat(archive.removeUnindexedFiles(java.time.Instant.now().minusSeconds(3600))).isZero();
        assertThat(archive.removeUnindexedFiles(java.time.Instant.now().plusSeconds(1))).isEqualTo(1);
        assertThat(storage.fileCount()).isEqualTo(1);
        assertThat(storage.usedBytes()).isEqualTo(10);
        Resource kept = archive.index().list(ResourceLevel.INSTANCE, 0, 0).stream()
                .map(id -> archive.index().find(ResourceLevel.INSTANCE, id).orElseThrow()).findFirst().orElseThrow();
        assertThat(archive.verify(kept)).isEqualTo(VerifyResult.OK);
    }

    @Test
    void deletionRemovesFilesAfterTheRows() throws Exception {
        Archive archive = archive(false, 0);
        archive.store(bytes(10), attributes("P", "1", "1.1", "1.1.1"), IndexContractTest.FROM_CT);
        archive.store(bytes(10), attributes("P", "1", "1.2", "1.2.1"), IndexContractTest.FROM_CT);
        archive.store(bytes(10), attributes("Q", "2", "2.1", "2.1.1"), IndexContractTest.FROM_CT);
        DeleteResult d = archive.delete(ResourceLevel.PATIENT, OrthancIds.patient("P")).orElseThrow();
        assertThat(d.fileUuids()).hasSize(2);
        assertThat(storage.fileCount()).isEqualTo(1);
        assertThat(archive.delete(ResourceLevel.PATIENT, OrthancIds.patient("P"))).isEmpty();
    }
}
