package dev.custodian.server.commit.scp;

import dev.custodian.stgcmt.SopReference;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The rows of one Storage Commitment request, written as its references arrive: in JDBC batches
 * of {@link CommitmentStore#BATCH}, all in one database transaction that {@link #commit} ends
 * before the N-ACTION-RSP and {@link #abandon} rolls back, so nothing of an invalid request is
 * saved. Memory holds one batch, whatever the count. The transaction begins when the first batch
 * is full, so a request of fewer references holds no database lock while it arrives. A failed
 * write ends the writing (the rest is dropped) and is thrown by {@link #commit}: the request is
 * still read to its end, so that a format failure is answered as such. Not thread-safe: the
 * association's reader thread uses it.
 */
final class RequestRows {
    /** What completes the request in its transaction once every reference is written. */
    @FunctionalInterface
    interface Completion {
        void write(Handle handle);
    }

    private final CommitmentStore store;
    private final String jobId;
    private final String remoteAet;
    private final String calledAet;
    private final String modality;
    private final String check;
    private final long receivedAt;
    private final List<SopReference> batch = new ArrayList<>(CommitmentStore.BATCH);
    private Handle handle;
    private int written;
    private RuntimeException failure;

    RequestRows(CommitmentStore store, String jobId, String remoteAet, String calledAet, String modality, String check,
                long receivedAt) {
        this.store = store;
        this.jobId = jobId;
        this.remoteAet = remoteAet;
        this.calledAet = calledAet;
        this.modality = modality;
        this.check = check;
        this.receivedAt = receivedAt;
    }

    void add(SopReference reference) {
        if (failure != null) {
            return;
        }
        batch.add(reference);
        if (batch.size() == CommitmentStore.BATCH) {
            flush();
        }
    }

    /**
     * Writes what is left, then {@code completion}, and commits.
     *
     * @throws RuntimeException a write failed; nothing is saved
     */
    void commit(Completion completion) {
        flush();
        if (failure != null) {
            throw failure;
        }
        try {
            completion.write(handle);
            handle.commit();
        } finally {
            rollback(); // no-op after the commit; closes the handle
        }
    }

    /** Drops what was written (nothing is committed). */
    void abandon() {
        batch.clear();
        rollback();
    }

    private void flush() {
        if (failure != null) {
            return;
        }
        try {
            if (handle == null) {
                handle = store.jdbi().open();
                handle.begin();
                store.begin(handle, jobId, remoteAet, calledAet, modality, check, receivedAt);
            }
            if (!batch.isEmpty()) {
                store.insertReferences(handle, jobId, written, batch);
                written += batch.size();
                batch.clear();
            }
        } catch (RuntimeException e) {
            failure = e;
            try {
                abandon();
            } catch (RuntimeException r) {
                e.addSuppressed(r);
            }
        }
    }

    private void rollback() {
        Handle h = handle;
        handle = null;
        if (h == null) {
            return;
        }
        try {
            if (h.isInTransaction()) {
                h.rollback();
            }
        } finally {
            h.close();
        }
    }
}
