package dev.custodian.server.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A storage area in memory, for tests: same visibility rules as the file system one, plus a
 * byte quota that makes "disk full" reproducible.
 */
public final class InMemoryStorageArea implements StorageArea {
    private final ConcurrentMap<String, byte[]> files = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Instant> committedAt = new ConcurrentHashMap<>();
    private final Clock clock;
    private final AtomicLong used = new AtomicLong();
    private final long quotaBytes;
    private final Supplier<UUID> uuids;

    /** @param quotaBytes total bytes of pending and stored files allowed; 0 = unlimited */
    public InMemoryStorageArea(long quotaBytes, Supplier<UUID> uuids) {
        this(quotaBytes, uuids, Clock.systemUTC());
    }

    /** @param clock stamps committed files, for {@link #forEachFile} */
    public InMemoryStorageArea(long quotaBytes, Supplier<UUID> uuids, Clock clock) {
        if (quotaBytes < 0) {
            throw new IllegalArgumentException("quota must be >= 0: " + quotaBytes);
        }
        this.quotaBytes = quotaBytes;
        this.uuids = uuids;
        this.clock = clock;
    }

    public InMemoryStorageArea() {
        this(0, UUID::randomUUID);
    }

    /** Number of committed files. */
    public int fileCount() {
        return files.size();
    }

    /** Bytes held by pending and committed files. */
    public long usedBytes() {
        return used.get();
    }

    /** Replaces a stored file's content (to simulate corruption in tests). */
    public void overwrite(String uuid, byte[] content) {
        files.replace(uuid, content.clone());
    }

    @Override
    public PendingFile begin() throws IOException {
        if (quotaBytes > 0 && used.get() >= quotaBytes) {
            throw new StorageFullException("in-memory storage quota of " + quotaBytes + " bytes reached");
        }
        return new MemoryPendingFile(uuids.get().toString());
    }

    @Override
    public InputStream open(String uuid) throws IOException {
        byte[] content = files.get(StoredFile.requireUuid(uuid));
        if (content == null) {
            throw new NoSuchFileException(uuid);
        }
        return new ByteArrayInputStream(content);
    }

    @Override
    public boolean delete(String uuid) {
        byte[] removed = files.remove(StoredFile.requireUuid(uuid));
        committedAt.remove(uuid);
        if (removed != null) {
            used.addAndGet(-removed.length);
        }
        return removed != null;
    }

    @Override
    public void forEachFile(Instant modifiedBefore, Consumer<String> action, Instant modifiedAfter) {
        committedAt.forEach((uuid, at) -> {
            if (at.isBefore(modifiedBefore) && !at.isBefore(modifiedAfter) && files.containsKey(uuid)) {
                action.accept(uuid);
            }
        });
    }

    @Override
    public VerifyResult verify(StoredFile expected) throws IOException {
        byte[] content = files.get(expected.uuid());
        if (content == null) {
            return VerifyResult.MISSING;
        }
        StoredFile actual = DigestingOutputStream.measure(expected.uuid(), new ByteArrayInputStream(content));
        return actual.equals(expected) ? VerifyResult.OK : VerifyResult.CORRUPTED;
    }

    private final class MemoryPendingFile implements PendingFile {
        private final String uuid;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final DigestingOutputStream output;
        private boolean finished;

        MemoryPendingFile(String uuid) {
            this.uuid = uuid;
            this.output = new DigestingOutputStream(new QuotaStream());
        }

        @Override
        public OutputStream output() {
            return output;
        }

        @Override
        public StoredFile commit() {
            if (finished) {
                throw new IllegalStateException("file " + uuid + " already committed or aborted");
            }
            finished = true;
            committedAt.put(uuid, clock.instant());
            files.put(uuid, buffer.toByteArray());
            return new StoredFile(uuid, output.count(), output.hex());
        }

        @Override
        public void abort() {
            if (!finished) {
                finished = true;
                used.addAndGet(-buffer.size());
            }
        }

        private final class QuotaStream extends OutputStream {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                long after = used.addAndGet(len);
                if (quotaBytes > 0 && after > quotaBytes) {
                    used.addAndGet(-len);
                    throw new StorageFullException("No space left: in-memory quota of " + quotaBytes + " bytes");
                }
                buffer.write(b, off, len);
            }
        }
    }
}
