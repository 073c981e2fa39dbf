package dev.custodian.server.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The storage area on a local (or shared) file system. Each file is
 * {@code <root>/<uuid[0..2]>/<uuid[2..4]>/<uuid>}, the two-level fan-out Orthanc uses; consecutive
 * files of one writer share a folder, concurrent writers use different ones ({@link FolderRotation}),
 * so that a folder is created once per batch of files rather than for nearly every file. A new file is written as {@code .tmp-<uuid>} in its
 * final folder, forced to disk, then renamed atomically, then the folder is forced so the rename
 * itself survives a power loss — one force shared by the renames that concurrent callers made
 * into that folder meanwhile ({@link SharedDirectoryForce}). A folder created for a file has its
 * own entry in its parent forced by {@link DurableFolders} while the content arrives, waited for
 * before the commit returns. There is no fsync before the rename other than the file's own.
 */
public final class FileSystemStorageArea implements StorageArea, AutoCloseable {
    static final String TEMP_PREFIX = ".tmp-";
    private static final int BUFFER = 64 * 1024;
    /** Consecutive files per fan-out folder in production (see {@link FolderRotation}). */
    static final int FILES_PER_FOLDER = 256;

    private final Path root;
    private final long minimumFreeBytes;
    private final FolderRotation uuids;
    private final DurableFolders folders;
    private final SharedDirectoryForce renames;

    /**
     * @param root             the {@code StorageDirectory}; must exist
     * @param minimumFreeBytes refuse new files when less than this is free on the volume (0: no check)
     * @param uuids            source of file identifiers, each used as drawn (random in production)
     */
    public FileSystemStorageArea(Path root, long minimumFreeBytes, Supplier<UUID> uuids) {
        this(root, minimumFreeBytes, uuids, 1);
    }

    /**
     * As {@link #FileSystemStorageArea(Path, long, Supplier)}, with {@code filesPerFolder}
     * consecutive files sharing the fan-out folder of the first one's identifier.
     */
    FileSystemStorageArea(Path root, long minimumFreeBytes, Supplier<UUID> uuids, int filesPerFolder) {
        this(root, minimumFreeBytes, uuids, filesPerFolder, DurableFolders::forceDirectory);
    }

    /** As above, forcing a folder after a rename with {@code renameForce} (tests make it fail). */
    FileSystemStorageArea(Path root, long minimumFreeBytes, Supplier<UUID> uuids, int filesPerFolder,
                          SharedDirectoryForce.Force renameForce) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("storage directory does not exist: " + root);
        }
        this.root = root;
        this.minimumFreeBytes = minimumFreeBytes;
        this.uuids = new FolderRotation(uuids, filesPerFolder);
        this.folders = new DurableFolders(root);
        this.renames = new SharedDirectoryForce(renameForce);
    }

    /**
     * Creates {@code root} if needed. Call {@link #removeTemporaryFiles()} before the first ingest
     * to drop what a crash left behind.
     */
    public static FileSystemStorageArea open(Path root, long minimumFreeBytes) throws IOException {
        Files.createDirectories(root);
        return new FileSystemStorageArea(root, minimumFreeBytes, UUID::randomUUID, FILES_PER_FOLDER);
    }

    public Path root() {
        return root;
    }

    /**
     * Deletes every {@code .tmp-*} file under the root; returns how many. Only safe while no
     * ingest is in flight on this storage area (at start, before accepting associations).
     */
    public int removeTemporaryFiles() throws IOException {
        List<Path> stray;
        try (Stream<Path> files = Files.find(root, 3,
                (p, attrs) -> attrs.isRegularFile() && p.getFileName().toString().startsWith(TEMP_PREFIX))) {
            stray = files.toList();
        }
        for (Path p : stray) {
            Files.deleteIfExists(p);
        }
        return stray.size();
    }

    Path pathOf(String uuid) {
        StoredFile.requireUuid(uuid);
        return root.resolve(uuid.substring(0, 2)).resolve(uuid.substring(2, 4)).resolve(uuid);
    }

    @Override
    public PendingFile begin() throws IOException {
        if (minimumFreeBytes > 0) {
            long usable = Files.getFileStore(root).getUsableSpace();
            if (usable < minimumFreeBytes) {
                throw new StorageFullException("only " + usable + " bytes free in " + root
                        + ", below the configured minimum of " + minimumFreeBytes);
            }
        }
        FolderRotation.Lane lane = uuids.take();
        String uuid = lane.next();
        Path target = pathOf(uuid);
        Path folder = target.getParent();
        try {
            CompletableFuture<Void> folderDurable = folders.ensure(folder);
            Path temp = folder.resolve(TEMP_PREFIX + uuid);
            FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return new FsPendingFile(uuid, temp, target, channel, folderDurable, lane);
        } catch (IOException e) {
            lane.release();
            throw translate(e);
        } catch (RuntimeException e) {
            lane.release();
            throw e;
        }
    }

    @Override
    public java.util.Optional<Path> localPath(String uuid) {
        return java.util.Optional.of(pathOf(uuid));
    }

    @Override
    public InputStream open(String uuid) throws IOException {
        return Files.newInputStream(pathOf(uuid));
    }

    @Override
    public boolean delete(String uuid) throws IOException {
        return Files.deleteIfExists(pathOf(uuid));
    }

    @Override
    public void forEachFile(Instant modifiedBefore, Consumer<String> action, Instant modifiedAfter)
            throws IOException {
        try (Stream<Path> files = Files.find(root, 3, (p, attrs) -> attrs.isRegularFile()
                && p.getNameCount() == root.getNameCount() + 3
                && isStoredName(p.getFileName().toString())
                && attrs.lastModifiedTime().toInstant().isBefore(modifiedBefore)
                && !attrs.lastModifiedTime().toInstant().isBefore(modifiedAfter))) {
            files.forEach(p -> action.accept(p.getFileName().toString()));
        }
    }

    private static boolean isStoredName(String name) {
        try {
            StoredFile.requireUuid(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public VerifyResult verify(StoredFile expected) throws IOException {
        StoredFile actual;
        try (InputStream in = open(expected.uuid())) {
            actual = DigestingOutputStream.measure(expected.uuid(), in);
        } catch (NoSuchFileException e) {
            return VerifyResult.MISSING;
        }
        return actual.equals(expected) ? VerifyResult.OK : VerifyResult.CORRUPTED;
    }

    /** fsync of a directory: makes the creation, rename or removal of its entries durable (Linux). */
    static void forceDirectory(Path dir) throws IOException {
        DurableFolders.forceDirectory(dir);
    }

    /** Stops the thread that makes new folders durable. */
    @Override
    public void close() {
        folders.close();
    }

    static IOException translate(IOException e) {
        if (e instanceof StorageFullException) {
            return e;
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("No space left") || message.contains("Disk quota exceeded")) {
            return new StorageFullException("storage area full: " + message, e);
        }
        return e;
    }

    private final class FsPendingFile implements PendingFile {
        private final String uuid;
        private final Path temp;
        private final Path target;
        private final FileChannel channel;
        private final DigestingOutputStream output;
        private final CompletableFuture<Void> folderDurable;
        private boolean finished;
        /** Given back once the file is committed or aborted, for the next file of this writer. */
        private final FolderRotation.Lane lane;
        /** The content is under its final name: an abort removes that (the commit failed after the rename). */
        private boolean renamed;

        FsPendingFile(String uuid, Path temp, Path target, FileChannel channel, CompletableFuture<Void> folderDurable,
                      FolderRotation.Lane lane) {
            this.uuid = uuid;
            this.lane = lane;
            this.folderDurable = folderDurable;
            this.temp = temp;
            this.target = target;
            this.channel = channel;
            OutputStream raw = new FullDiskTranslatingStream(Channels.newOutputStream(channel));
            this.output = new DigestingOutputStream(new BufferedOutputStream(raw, BUFFER));
        }

        @Override
        public OutputStream output() {
            return output;
        }

        @Override
        public StoredFile commit() throws IOException {
            if (finished) {
                throw new IllegalStateException("file " + uuid + " already committed or aborted");
            }
            try {
                output.flush();
                channel.force(true);
                channel.close();
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                renamed = true;
                renames.force(target.getParent());
                DurableFolders.await(folderDurable);
            } catch (IOException e) {
                abort();
                throw translate(e);
            }
            finished = true;
            lane.release();
            return new StoredFile(uuid, output.count(), output.hex());
        }

        @Override
        public void abort() {
            if (finished) {
                return;
            }
            finished = true;
            lane.release();
            try {
                channel.close();
            } catch (IOException ignored) {
                // the file is deleted next; a close failure changes nothing
            }
            try {
                Files.deleteIfExists(renamed ? target : temp);
            } catch (IOException ignored) {
                // left behind: a temporary file goes at the next start (removeTemporaryFiles()); a
                // renamed one is whole and unindexed, which only wastes its space
            }
        }
    }

    /** Turns the OS's "No space left on device" into {@link StorageFullException}. */
    private static final class FullDiskTranslatingStream extends java.io.FilterOutputStream {
        FullDiskTranslatingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw translate(e);
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }
    }
}
