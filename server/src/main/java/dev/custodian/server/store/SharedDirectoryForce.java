package dev.custodian.server.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * fsync of a directory shared by concurrent callers. A caller that has just renamed a file into
 * {@code dir} needs a force of {@code dir} that <em>started</em> after its rename; one such force
 * makes every rename before it durable. So a caller arriving while a force runs waits for it to
 * end, and then one of the waiters runs the next force for all who arrived meanwhile (the
 * group-commit pattern, per folder): under concurrent ingest into one folder, one fsync per group
 * of files instead of one per file. A failed force fails exactly the callers it was run for; the
 * next caller starts a new one.
 */
final class SharedDirectoryForce {
    /** What forcing a directory does: the fsync in production, counted in tests. */
    interface Force {
        void force(Path dir) throws IOException;
    }

    private final Force force;
    private final ConcurrentHashMap<Path, Folder> folders = new ConcurrentHashMap<>();

    SharedDirectoryForce(Force force) {
        this.force = force;
    }

    /** Returns once a force of {@code dir} that started after this call began has succeeded. */
    void force(Path dir) throws IOException {
        Folder folder;
        do {
            folder = folders.computeIfAbsent(dir, Folder::new);
        } while (!folder.enter());
        try {
            folder.awaitForce();
        } finally {
            folder.leave();
        }
    }

    /** Folders in use (tests: a folder nobody waits on is forgotten). */
    int folders() {
        return folders.size();
    }

    /** Callers waiting on {@code dir} or running its force (tests). */
    int callers(Path dir) {
        Folder folder = folders.get(dir);
        if (folder == null) {
            return 0;
        }
        folder.lock.lock();
        try {
            return folder.callers;
        } finally {
            folder.lock.unlock();
        }
    }

    private final class Folder {
        private final Path dir;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition ended = lock.newCondition();
        /** Generations: of the last force started, of the last that succeeded, of the last that failed. */
        private long started;
        private long succeeded;
        private long failed;
        private IOException failure;
        private boolean running;
        private int callers;
        private boolean retired;

        Folder(Path dir) {
            this.dir = dir;
        }

        /** False when this folder was already forgotten: the caller takes a fresh one. */
        boolean enter() {
            lock.lock();
            try {
                if (retired) {
                    return false;
                }
                callers++;
                return true;
            } finally {
                lock.unlock();
            }
        }

        void awaitForce() throws IOException {
            boolean interrupted = false;
            lock.lock();
            try {
                long needed = started + 1; // a force in progress began before our rename: not enough
                while (succeeded < needed) {
                    if (failed >= needed) {
                        throw failure;
                    }
                    if (running) {
                        // an fsync is bounded: wait for it even when interrupted, and say so after
                        ended.awaitUninterruptibly();
                        interrupted |= Thread.interrupted();
                        continue;
                    }
                    runForce();
                }
            } finally {
                lock.unlock();
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** Holding the lock: runs one force, releasing the lock meanwhile so that callers can queue. */
        private void runForce() {
            running = true;
            long generation = ++started;
            IOException error = null;
            lock.unlock();
            try {
                force.force(dir);
            } catch (IOException e) {
                error = e;
            } catch (RuntimeException e) {
                error = new IOException("could not force directory " + dir, e);
            } finally {
                lock.lock();
                running = false;
                if (error == null) {
                    succeeded = generation;
                } else {
                    failed = generation;
                    failure = error;
                }
                ended.signalAll();
            }
        }

        void leave() {
            lock.lock();
            try {
                callers--;
                if (callers == 0) {
                    retired = true;
                    folders.remove(dir, this);
                }
            } finally {
                lock.unlock();
            }
        }
    }
}
