package dev.custodian.commit.spi;

/**
 * The per-transaction answer of a {@link StorageCommitmentPlugin} (Orthanc's
 * {@code OrthancPluginStorageCommitmentLookup} and its destructor). Asked once per referenced
 * instance, in the request's order, by one thread at a time; closed once at the end.
 */
public interface CommitmentLookup extends AutoCloseable {
    /**
     * Whether Custodian commits to store this instance.
     *
     * @param sopClassUid    Referenced SOP Class UID (0008,1150) as the modality sent it
     * @param sopInstanceUid Referenced SOP Instance UID (0008,1155)
     * @return {@link CommitmentAnswer#COMMITTED} or a failure with its reason; never null (null
     *         counts as a failure 0110H)
     * @throws CheckUnavailableException the check cannot run now; the job retries this instance
     *                                   and the following ones later
     * @throws Exception                 any other failure: this instance fails with 0110H
     */
    CommitmentAnswer lookup(String sopClassUid, String sopInstanceUid) throws Exception;

    /** Releases what {@link StorageCommitmentPlugin#open} acquired; a failure is logged only. */
    @Override
    default void close() throws Exception {
    }
}
