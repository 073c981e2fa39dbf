package dev.custodian.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemStorageAreaTest {
    private static final UUID FIXED = UUID.fromString("abcdef01-2345-4678-9abc-def012345678");

    @TempDir
    Path root;

    private FileSystemStorageArea area() {
        return new FileSystemStorageArea(root, 0, UUID::randomUUID);
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private static long countFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void committedFileLandsInTwoLevelFanOutWithSizeAndSha256() throws Exception {
        FileSystemStorageArea area = new FileSystemStorageArea(root, 0, () -> FIXED);
        byte[] content = "DICM and some bytes".getBytes(StandardCharsets.US_ASCII);
        StoredFile stored;
        try (PendingFile pending = area.begin()) {
            pending.output().write(content);
            stored = pending.commit();
        }
        assertThat(stored.uuid()).isEqualTo(FIXED.toString());
        assertThat(stored.size()).isEqualTo(content.length);
        assertThat(stored.sha256()).isEqualTo(sha256(content));
        Path expected = root.resolve("ab").resolve("cd").resolve(FIXED.toString());
        assertThat(expected).hasBinaryContent(content);
        try (InputStream in = area.open(stored.uuid())) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void fileIsInvisibleUntilCommitAndOnlyATemporaryExistsMeanwhile() throws Exception {
        FileSystemStorageArea area = new FileSystemStorageArea(root, 0, () -> FIXED);
        try (PendingFile pending = area.begin()) {
            pending.output().write(new byte[100_000]);
            pending.output().flush();
            Path folder = root.resolve("ab").resolve("cd");
            try (Stream<Path> names = Files.list(folder)) {
                assertThat(names.map(p -> p.getFileName().toString()))
                        .containsExactly(FileSystemStorageArea.TEMP_PREFIX + FIXED);
            }
            assertThatThrownBy(() -> area.open(FIXED.toString())).isInstanceOf(NoSuchFileException.class);
            pending.commit();
            try (Stream<Path> names = Files.list(folder)) {
                assertThat(names.map(p -> p.getFileName().toString())).containsExactly(FIXED.toString());
            }
        }
    }

    @Test
    void abortAndCloseWithoutCommitLeaveNothing() throws Exception {
        FileSystemStorageArea area = area();
        PendingFile aborted = area.begin();
        aborted.output().write(1);
        aborted.abort();
        try (PendingFile closed = area.begin()) {
            closed.output().write(new byte[10]);
        }
        assertThat(countFiles(root)).isZero();
    }

    @Test
    void commitTwiceIsRefused() throws Exception {
        try (PendingFile pending = area().begin()) {
            pending.commit();
            assertThatThrownBy(pending::commit).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void strayTemporaryFilesAreRemovedAndStoredFilesKept() throws Exception {
        FileSystemStorageArea first = area();
        StoredFile kept;
        try (PendingFile p = first.begin()) {
            p.output().write(42);
            kept = p.commit();
        }
        PendingFile crashed = first.begin(); // never committed nor aborted: as after a crash
        crashed.output().write(new byte[10]);
        crashed.output().flush();
        Files.createDirectories(root.resolve("00/11"));
        Files.writeString(root.resolve("00/11/.tmp-leftover"), "x");
        assertThat(countFiles(root)).isEqualTo(3);

        FileSystemStorageArea reopened = FileSystemStorageArea.open(root, 0);
        assertThat(reopened.removeTemporaryFiles()).isEqualTo(2);

        assertThat(countFiles(root)).isEqualTo(1);
        assertThat(reopened.verify(kept)).isEqualTo(VerifyResult.OK);
        crashed.abort();
    }

    @Test
    void verifyDetectsCorruptionAndMissingFiles() throws Exception {
        FileSystemStorageArea area = area();
        StoredFile stored;
        try (PendingFile p = area.begin()) {
            p.output().write("original".getBytes(StandardCharsets.US_ASCII));
            stored = p.commit();
        }
        assertThat(area.verify(stored)).isEqualTo(VerifyResult.OK);
        Files.writeString(area.pathOf(stored.uuid()), "origiNal");
        assertThat(area.verify(stored)).isEqualTo(VerifyResult.CORRUPTED);
        assertThat(area.delete(stored.uuid())).isTrue();
        assertThat(area.delete(stored.uuid())).isFalse();
        assertThat(area.verify(stored)).isEqualTo(VerifyResult.MISSING);
    }

    @Test
    void minimumFreeSpaceRefusesNewFiles() {
        FileSystemStorageArea area = new FileSystemStorageArea(root, Long.MAX_VALUE, UUID::randomUUID);
        assertThatThrownBy(area::begin).isInstanceOf(StorageFullException.class).hasMessageContaining("free");
    }

    @Test
    void noSpaceLeftFromTheOsBecomesStorageFull() {
        IOException os = new IOException("No space left on device");
        assertThat(FileSystemStorageArea.translate(os)).isInstanceOf(StorageFullException.class).hasCause(os);
        IOException other = new IOException("Permission denied");
        assertThat(FileSystemStorageArea.translate(other)).isSameAs(other);
    }

    @Test
    void identifiersThatAreNotUuidsAreRejected() {
        FileSystemStorageArea area = area();
        assertThatThrownBy(() -> area.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> area.delete("ABCDEF01-2345-4678-9ABC-DEF012345678"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listsStoredFilesOlderThanAnInstantButNotPendingOnes() throws Exception {
        FileSystemStorageArea area = area();
        StoredFile old;
        StoredFile recent;
        try (PendingFile p = area.begin()) {
            old = p.commit();
        }
        try (PendingFile p = area.begin()) {
            recent = p.commit();
        }
        java.time.Instant cut = java.time.Instant.now().minusSeconds(3600);
        Files.setLastModifiedTime(area.pathOf(old.uuid()), java.nio.file.attribute.FileTime.from(cut.minusSeconds(1)));
        try (PendingFile pending = area.begin()) {
            Files.setLastModifiedTime(area.pathOf(recent.uuid()), java.nio.file.attribute.FileTime.from(cut.plusSeconds(1)));
            java.util.List<String> found = new java.util.ArrayList<>();
            area.forEachFile(cut, found::add);
            assertThat(found).containsExactly(old.uuid());
            java.util.List<String> all = new java.util.ArrayList<>();
            area.forEachFile(java.time.Instant.now().plusSeconds(60), all::add);
            assertThat(all).containsExactlyInAnyOrder(old.uuid(), recent.uuid());
        }
    }

    @Test
    void directoryFsyncWorksOnThisPlatform() throws Exception {
        FileSystemStorageArea.forceDirectory(root);
    }

    @Test
    void consecutiveFilesShareAFanOutFolderAndConcurrentOnesUseDifferentFolders() throws Exception {
        FileSystemStorageArea area = new FileSystemStorageArea(root, 0, UUID::randomUUID, 8);
        java.util.Set<Path> folders = new java.util.HashSet<>();
        for (int i = 0; i < 8; i++) {
            try (PendingFile p = area.begin()) {
                p.output().write(("instance " + i).getBytes(StandardCharsets.US_ASCII));
                StoredFile stored = p.commit();
                assertThat(area.verify(stored)).isEqualTo(VerifyResult.OK);
                folders.add(area.pathOf(stored.uuid()).getParent());
            }
        }
        assertThat(folders).as("eight files one after the other, one folder").hasSize(1);
        PendingFile a = area.begin();
        PendingFile b = area.begin();
        a.output().write(1);
        b.output().write(2);
        StoredFile sa = a.commit();
        StoredFile sb = b.commit();
        assertThat(area.pathOf(sa.uuid()).getParent()).as("two files at once, two folders")
                .isNotEqualTo(area.pathOf(sb.uuid()).getParent());
        assertThat(countFiles(root)).isEqualTo(10);
        area.close();
    }

    @Test
    void aFailedFolderForceAfterTheRenameFailsTheCommitAndLeavesNoFile() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean failing = new java.util.concurrent.atomic.AtomicBoolean(true);
        FileSystemStorageArea area = new FileSystemStorageArea(root, 0, UUID::randomUUID, 4, dir -> {
            if (failing.get()) {
                throw new IOException("EIO on fsync");
            }
        });
        try (PendingFile p = area.begin()) {
            p.output().write(new byte[1000]);
            assertThatThrownBy(p::commit).isInstanceOf(IOException.class).hasMessage("EIO on fsync");
        }
        assertThat(countFiles(root)).as("neither the renamed file nor a temporary one").isZero();
        failing.set(false);
        try (PendingFile p = area.begin()) {
            p.output().write(new byte[1000]);
            assertThat(area.verify(p.commit())).isEqualTo(VerifyResult.OK);
        }
        area.close();
    }
}
