package dev.custodian.server.index;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * Write transactions of concurrent callers committed together: each caller queues its work and
 * the first one to get the writer lock runs everything queued (up to {@code maxBatch}) in one
 * database transaction, then hands every caller its own result — only after the commit. Each
 * piece of work runs in its own savepoint, so one that fails is rolled back alone and its caller
 * alone gets the exception; if the commit itself fails, every caller of the batch gets that
 * failure (none of their writes happened). A lone caller runs its work in a plain transaction.
 *
 * <p>Work that fails with a retryable SQLSTATE (a concurrent writer won a race: unique or foreign
 * key violation, serialization failure, deadlock) is run again, up to {@code attempts} times in
 * all; running it again sees the other writer's committed result. There is no thread of its
 * own: callers take turns as the committer. Transactions run on one connection kept open between
 * them (SQLite drops a connection's page cache whenever another connection wrote), replaced when
 * it fails or was idle and no longer answers; {@link #close()} returns it.
 */
final class GroupCommit {
    /**
     * Unique violation (a concurrent store created the same row), foreign key violation (a
     * concurrent delete removed the parent we found), serialization failure, deadlock.
     */
    private static final Set<String> RETRYABLE = Set.of("23505", "23503", "40001", "40P01");

    /** A kept connection unused this long is checked before use. */
    private static final long IDLE_CHECK_NANOS = 30_000_000_000L;

    private final Jdbi jdbi;
    private final int maxBatch;
    private final int attempts;
    private final ReentrantLock writer = new ReentrantLock();
    private final ConcurrentLinkedQueue<Request<?>> queue = new ConcurrentLinkedQueue<>();
    /** The writers' own connection, kept between transactions so that its page cache stays warm. */
    private Handle handle;
    private long handleLastUsed;
    private boolean closed;

    GroupCommit(Jdbi jdbi, int maxBatch, int attempts) {
        if (maxBatch < 1 || attempts < 1) {
            throw new IllegalArgumentException("maxBatch and attempts must be >= 1");
        }
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.maxBatch = maxBatch;
        this.attempts = attempts;
    }

    /**
     * Runs {@code work} in a write transaction, possibly shared with other callers', and returns
     * its result once that transaction has committed.
     */
    <R, X extends Exception> R write(HandleCallback<R, X> work) throws X {
        Request<R> request = new Request<>(Objects.requireNonNull(work, "work"));
        queue.add(request);
        writer.lock();
        try {
            while (!request.done) {
                List<Request<?>> batch = drain();
                if (batch.isEmpty()) {
                    throw new IllegalStateException("write request lost from the queue");
                }
                runBatch(batch);
            }
        } finally {
            writer.unlock();
        }
        return request.<X>outcome();
    }

    /** Runs {@code action} while no write transaction is running (none starts until it returns). */
    <R> R exclusively(java.util.function.Supplier<R> action) {
        writer.lock();
        try {
            return action.get();
        } finally {
            writer.unlock();
        }
    }

    /** Callers waiting for a committer (tests). */
    int queued() {
        return queue.size();
    }

    private List<Request<?>> drain() {
        List<Request<?>> batch = new ArrayList<>();
        for (Request<?> r; batch.size() < maxBatch && (r = queue.poll()) != null; ) {
            batch.add(r);
        }
        return batch;
    }

    private void runBatch(List<Request<?>> batch) {
        if (batch.size() == 1) {
            runAlone(batch.get(0));
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                handle().useTransaction(h -> {
                    for (Request<?> r : batch) {
                        r.runInSavepoint(h, attempts);
                    }
                });
                batch.forEach(Request::deliver);
                return;
            } catch (Exception e) {
                // the commit (or a rollback to a savepoint) failed: nothing of the batch happened
                boolean lost = dropHandleIfBroken();
                if (attempt >= attempts || !retryable(e)) {
                    RuntimeException failure = unchecked(e, lost);
                    batch.forEach(r -> r.fail(failure));
                    return;
                }
            } catch (Error e) {
                batch.forEach(r -> r.fail(e));
                throw e;
            }
        }
    }

    private void runAlone(Request<?> request) {
        for (int attempt = 1; ; attempt++) {
            try {
                request.runInTransaction(openHandle());
                request.deliver();
                return;
            } catch (Exception e) {
                boolean lost = dropHandleIfBroken();
                if (attempt >= attempts || !retryable(e)) {
                    // the work's own checked exception stays as it is
                    request.fail(e instanceof RuntimeException ? unchecked(e, lost) : e);
                    return;
                }
            } catch (Error e) {
                request.fail(e);
                throw e;
            }
        }
    }

    /** {@link #handle()}, its {@link SQLException} unchecked: what a lone caller's work throws stays apart. */
    private Handle openHandle() {
        try {
            return handle();
        } catch (SQLException e) {
            throw unchecked(e, true);
        }
    }

    /**
     * A failure of the batch itself (savepoint, commit, connection), none of its callers' work:
     * unchecked, so that it reaches each caller as the runtime failure it is rather than as a
     * checked exception its signature does not declare; marked as a lost connection when the
     * connection no longer answered (a closed pool connection says so only in its message).
     */
    static RuntimeException unchecked(Exception e, boolean connectionLost) {
        if (e instanceof RuntimeException r && (!connectionLost || DatabaseFailures.isUnavailable(r))) {
            return r;
        }
        return new IndexWriteException(e, connectionLost);
    }

    /** Under the writer lock: the kept connection, opened (or checked after a long idle time) first. */
    private Handle handle() throws SQLException {
        if (closed) {
            throw new IllegalStateException("the index is closed");
        }
        long now = System.nanoTime();
        if (handle != null && now - handleLastUsed > IDLE_CHECK_NANOS && !handle.getConnection().isValid(2)) {
            closeHandle();
        }
        if (handle == null) {
            handle = jdbi.open();
        }
        handleLastUsed = now;
        return handle;
    }

    /**
     * After a failure: a connection left in a transaction or no longer answering is replaced.
     * True when it no longer answered (the failure was the connection's).
     */
    private boolean dropHandleIfBroken() {
        if (handle == null) {
            return false;
        }
        boolean lost = true;
        try {
            lost = !handle.getConnection().isValid(2);
            if (!lost && !handle.isInTransaction()) {
                return false;
            }
        } catch (RuntimeException | SQLException e) {
            // broken: replaced below
        }
        closeHandle();
        return lost;
    }

    private void closeHandle() {
        try {
            handle.close();
        } catch (RuntimeException e) {
            // a broken connection may fail to close; the pool discards it
        }
        handle = null;
    }

    /** Returns the kept connection after the transaction in progress; later writes fail. */
    void close() {
        writer.lock();
        try {
            closed = true;
            if (handle != null) {
                closeHandle();
            }
        } finally {
            writer.unlock();
        }
    }

    static boolean retryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && RETRYABLE.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** One caller's work, its pending result and, once delivered, its outcome. */
    private static final class Request<R> {
        private final HandleCallback<R, ?> work;
        private R result;
        private Throwable failure;
        /** Written and read under the writer lock only (the caller reads it after taking the lock). */
        private boolean done;

        Request(HandleCallback<R, ?> work) {
            this.work = work;
        }

        void runInTransaction(Handle h) throws Exception {
            result = h.inTransaction(work::withHandle);
            failure = null;
        }

        /** Runs the work in a savepoint; a failure rolls back to it and is kept for the caller. */
        void runInSavepoint(Handle h, int attempts) throws SQLException {
            Connection c = h.getConnection();
            for (int attempt = 1; ; attempt++) {
                Savepoint sp = c.setSavepoint();
                try {
                    result = work.withHandle(h);
                    failure = null;
                    c.releaseSavepoint(sp);
                    return;
                } catch (Exception e) {
                    c.rollback(sp);
                    c.releaseSavepoint(sp);
                    result = null;
                    failure = e;
                    if (attempt >= attempts || !retryable(e)) {
                        return;
                    }
                }
            }
        }

        /** The transaction committed: the result (or the work's own failure) becomes final. */
        void deliver() {
            done = true;
        }

        void fail(Throwable e) {
            result = null;
            failure = e;
            done = true;
        }

        @SuppressWarnings("unchecked")
        <X extends Exception> R outcome() throws X {
            if (failure == null) {
                return result;
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            throw (X) failure;
        }
    }
}
