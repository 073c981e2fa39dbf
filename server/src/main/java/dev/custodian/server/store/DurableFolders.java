package dev.custodian.server.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The folders of a storage area, created on demand with their entries made durable on a
 * background thread: creating a folder changes its parent, which must be forced (fsync of the
 * directory, Linux) before a file in the new folder can be called durable. The force starts as
 * soon as the folder is created, so it runs while the file's content arrives instead of after
 * it; {@link #ensure} returns what to wait for before answering that the file is stored.
 *
 * <p>A folder whose force is in flight is known to every caller that uses it, including those
 * that find it already created; a folder found on disk without a force in flight (made durable
 * earlier, or before this process started) needs nothing. A failed force is retried by the
 * next caller.
 */
final class DurableFolders implements AutoCloseable {
    private static final CompletableFuture<Void> DURABLE = CompletableFuture.completedFuture(null);

    private final Path root;
    private final ExecutorService syncer;
    private final ConcurrentHashMap<Path, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();

    /** @param root the storage area's root, which exists and is durable */
    DurableFolders(Path root) {
        this.root = root;
        AtomicInteger n = new AtomicInteger();
        this.syncer = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "storage-folder-sync-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Creates {@code folder} (below the root) and its missing ancestors; returns a future that
     * completes once their entries are durable, exceptionally with an {@link UncheckedIOException}
     * if a force failed.
     */
    CompletableFuture<Void> ensure(Path folder) throws IOException {
        if (folder.equals(root) || !folder.startsWith(root)) {
            return DURABLE;
        }
        CompletableFuture<Void> parent = ensure(folder.getParent());
        IOException[] failure = {null};
        CompletableFuture<Void> own = inFlight.compute(folder, (f, old) -> {
            if (old != null && !old.isCompletedExceptionally()) {
                return old;
            }
            if (old == null && Files.isDirectory(f)) {
                return null;
            }
            try {
                Files.createDirectory(f);
            } catch (FileAlreadyExistsException e) {
                // made by someone else (or a force that failed): force its entry all the same
            } catch (IOException e) {
                failure[0] = e;
                return old;
            }
            return forceEntryOf(f);
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        if (own == null) {
            return parent;
        }
        return parent == DURABLE ? own : CompletableFuture.allOf(parent, own);
    }

    private CompletableFuture<Void> forceEntryOf(Path folder) {
        CompletableFuture<Void> force = CompletableFuture.runAsync(() -> {
            try {
                forceDirectory(folder.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, syncer);
        // once durable, the folder needs nothing more: forget it (not inside compute: async)
        force.thenRunAsync(() -> inFlight.remove(folder, force), syncer);
        return force;
    }

    /** Waits for a future of {@link #ensure}; its failure as the {@link IOException} it was. */
    static void await(CompletableFuture<Void> durable) throws IOException {
        try {
            durable.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IOException("could not make a storage folder durable", e.getCause());
        }
    }

    /** fsync of a directory: makes the creation, rename or removal of its entries durable (Linux). */
    static void forceDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Folders whose entry is being forced (tests). */
    int inFlight() {
        return inFlight.size();
    }

    /** Stops the sync threads after the forces in flight. */
    @Override
    public void close() {
        syncer.shutdown();
        try {
            syncer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
