package dev.custodian.server.commit.check;

import dev.custodian.stgcmt.SopReference;
import java.io.IOException;
import java.util.List;

/**
 * Decides, for each instance a Storage Commitment request references, whether we commit to store
 * it (PS3.4 §J.3.3.1.2) or which Failure Reason we answer. Built in: {@code Index}, {@code File}
 * (default), {@code Checksum}; plug-ins from the {@code Plugins} jars add theirs. Chosen
 * server-wide and per modality by name (see {@link #name()}).
 *
 * <p>Like Orthanc's storage-commitment callback it is a factory: {@link #open} is called once per
 * transaction and the lookup it returns is asked in batches, in the request's order, then closed.
 * Implementations are thread-safe; a lookup is used by one thread at a time.
 */
public interface CommitmentCheck {
    /** The name configuration uses ({@code StorageCommitmentCheck}), e.g. {@code "File"}. */
    String name();

    /**
     * Called once per transaction, before its first lookup.
     *
     * @throws IOException the check cannot run now (the job retries later)
     */
    Lookup open(CheckedTransaction transaction) throws IOException;

    /** The lookups of one transaction. */
    interface Lookup extends AutoCloseable {
        /**
         * @param batch consecutive references of the request, at most a few thousand
         * @return one verdict per reference, in the same order
         * @throws IOException the check cannot run now (the job retries later)
         */
        List<Verdict> check(List<SopReference> batch) throws IOException;

        @Override
        default void close() {
        }
    }
}
