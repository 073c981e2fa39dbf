package dev.custodian.server.commit.scp;

import dev.custodian.stgcmt.SopReference;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The rows of one Storage Commitment request. While the references arrive, the first
 * {@link CommitmentStore#BATCH} are kept in memory and any further ones are spooled to a
 * temporary file, so memory holds one batch whatever the count and no database lock is held
 * while a peer sends (however slowly: C-STOREs of others go on). {@link #commit} then writes them
 * all in JDBC batches and the {@code completion} in one transaction, before the N-ACTION-RSP;
 * {@link #abandon} drops them, so nothing of an invalid request is saved. The spool is not
 * durable and need not be: nothing is acknowledged before the commit. A failed spool write ends
 * the writing and is thrown by {@link #commit}; the request is still read to its end, so that a
 * format failure is answered as such. Not thread-safe: the association's reader thread uses it.
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
    private final List<SopReference> first = new ArrayList<>(CommitmentStore.BATCH);
    private Path spoolFile;
    private DataOutputStream spool;
    private int spooled;
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
        if (first.size() < CommitmentStore.BATCH) {
            first.add(reference);
            return;
        }
        try {
            if (spool == null) {
                spoolFile = Files.createTempFile("custodian-stgcmt-" + jobId + "-", ".refs");
                spool = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spoolFile), 1 << 16));
            }
            spool.writeUTF(reference.sopClassUid());
            spool.writeUTF(reference.sopInstanceUid());
            spooled++;
        } catch (IOException e) {
            failure = new UncheckedIOException("cannot spool the request's references", e);
            abandon();
        }
    }

    /**
     * Writes every reference, then {@code completion}, in one transaction, and commits.
     *
     * @throws RuntimeException a write failed; nothing is saved
     */
    void commit(Completion completion) {
        if (failure != null) {
            throw failure;
        }
        try (Handle h = store.jdbi().open()) {
            h.begin();
            try {
                store.begin(h, jobId, remoteAet, calledAet, modality, check, receivedAt);
                store.insertReferences(h, jobId, 0, first);
                insertSpooled(h);
                completion.write(h);
                h.commit();
            } finally {
                if (h.isInTransaction()) {
                    h.rollback();
                }
            }
        } finally {
            abandon();
        }
    }

    private void insertSpooled(Handle h) {
        if (spool == null) {
            return;
        }
        try {
            spool.close();
            spool = null;
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(spoolFile),
                    1 << 16))) {
                List<SopReference> batch = new ArrayList<>(CommitmentStore.BATCH);
                int position = first.size();
                for (int i = 0; i < spooled; i++) {
                    batch.add(new SopReference(in.readUTF(), in.readUTF()));
                    if (batch.size() == CommitmentStore.BATCH || i == spooled - 1) {
                        store.insertReferences(h, jobId, position, batch);
                        position += batch.size();
                        batch.clear();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back the request's spooled references", e);
        }
    }

    /** Drops what was received (nothing is committed) and removes the spool. */
    void abandon() {
        first.clear();
        try {
            if (spool != null) {
                spool.close();
            }
        } catch (IOException e) {
            // the file is deleted next; nothing of it is used
        } finally {
            spool = null;
        }
        if (spoolFile != null) {
            try {
                Files.deleteIfExists(spoolFile);
            } catch (IOException e) {
                spoolFile.toFile().deleteOnExit();
            }
            spoolFile = null;
        }
    }
}
