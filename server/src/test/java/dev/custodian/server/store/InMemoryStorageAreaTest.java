package dev.custodian.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InMemoryStorageAreaTest {

    @Test
    void storesAndVerifiesLikeTheFileSystemOne() throws Exception {
        InMemoryStorageArea area = new InMemoryStorageArea();
        byte[] content = {1, 2, 3, 4};
        StoredFile stored;
        try (PendingFile p = area.begin()) {
            p.output().write(content);
            assertThatCode(() -> area.open(p.commit().uuid()).close()).doesNotThrowAnyException();
        }
        assertThat(area.fileCount()).isEqualTo(1);
        try (PendingFile p = area.begin()) {
            p.output().write(content);
            stored = p.commit();
        }
        assertThat(stored.sha256()).isEqualTo(FileSystemStorageAreaTest.sha256(content));
        try (InputStream in = area.open(stored.uuid())) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(area.verify(stored)).isEqualTo(VerifyResult.OK);
        area.overwrite(stored.uuid(), new byte[] {1, 2, 3, 5});
        assertThat(area.verify(stored)).isEqualTo(VerifyResult.CORRUPTED);
        area.delete(stored.uuid());
        assertThat(area.verify(stored)).isEqualTo(VerifyResult.MISSING);
        assertThatThrownBy(() -> area.open(stored.uuid())).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void pendingFilesAreInvisible() throws Exception {
        UUID id = UUID.randomUUID();
        InMemoryStorageArea area = new InMemoryStorageArea(0, () -> id);
        try (PendingFile p = area.begin()) {
            p.output().write(7);
            assertThatThrownBy(() -> area.open(id.toString())).isInstanceOf(NoSuchFileException.class);
        }
        assertThat(area.fileCount()).isZero();
        assertThat(area.usedBytes()).isZero();
    }

    @Test
    void quotaMakesTheDiskFullWhileWriting() throws Exception {
        InMemoryStorageArea area = new InMemoryStorageArea(1000, UUID::randomUUID);
        try (PendingFile p = area.begin()) {
            p.output().write(new byte[600]);
            p.commit();
        }
        try (PendingFile p = area.begin()) {
            assertThatThrownBy(() -> p.output().write(new byte[600]))
                    .isInstanceOf(StorageFullException.class).hasMessageContaining("No space left");
        }
        assertThat(area.usedBytes()).isEqualTo(600);
        try (PendingFile p = area.begin()) {
            p.output().write(new byte[400]);
            p.commit();
        }
        assertThatThrownBy(area::begin).isInstanceOf(StorageFullException.class);
    }
}
