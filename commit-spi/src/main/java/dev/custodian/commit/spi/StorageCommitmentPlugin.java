package dev.custodian.commit.spi;

/**
 * A Storage Commitment check supplied by a plug-in: decides, for each SOP instance a modality asks
 * Custodian to commit to (PS3.4 Annex J, Push Model), whether Custodian takes responsibility for it.
 * The Java counterpart of Orthanc's {@code OrthancPluginRegisterStorageCommitmentScpCallback}.
 *
 * <p><b>Discovery.</b> Implementations are found with {@link java.util.ServiceLoader}: list the
 * class's binary name in {@code META-INF/services/dev.custodian.commit.spi.StorageCommitmentPlugin}
 * of the plug-in jar and give it a public no-argument constructor. The jar (or a folder holding it
 * and its dependency jars) is named in Custodian's {@code Plugins} configuration key. A plug-in sees
 * the JDK and this package only, never Custodian's own classes or libraries, so it may bundle any
 * library version it likes.
 *
 * <p><b>Life cycle.</b> Custodian instantiates the class once at start, calls {@link #start} once,
 * then {@link #open} once per Storage Commitment transaction, after the request has been persisted
 * and acknowledged (N-ACTION-RSP) and before the report is built. The returned
 * {@link CommitmentLookup} is asked about each referenced instance in the request's order and then
 * closed. A failure of {@code start} stops Custodian's start-up.
 *
 * <p><b>Choosing the check.</b> As in Orthanc, a loaded plug-in becomes the default check unless the
 * {@code StorageCommitmentCheck} key names another one; a modality may choose a check by its
 * {@link #name()} in its own {@code StorageCommitmentCheck}.
 *
 * <p><b>Threads and time.</b> {@link #open} may be called concurrently for different transactions,
 * so implementations must be thread-safe. A lookup is used by one thread at a time, but successive
 * calls may come from different threads. Every call runs on a Custodian plug-in thread under a
 * timeout ({@code StorageCommitmentPluginTimeout}): a call that throws, or does not return in time
 * (its thread is then interrupted), fails the instance concerned with Failure Reason 0110H
 * (Processing failure) — never the transaction's job nor the server. Throw
 * {@link CheckUnavailableException} instead to have the whole step retried later.
 */
public interface StorageCommitmentPlugin {
    /**
     * The name configuration uses to choose this check, e.g. {@code "BackupCheck"}: letters, digits,
     * {@code -} and {@code _}, unique among the loaded plug-ins and different from the built-in
     * checks {@code Index}, {@code File} and {@code Checksum}.
     */
    String name();

    /**
     * Called once when Custodian starts, before any transaction: read configuration, check that
     * the resources the plug-in needs exist.
     *
     * @param context where the plug-in was loaded from
     * @throws Exception the plug-in cannot work; Custodian does not start and prints the message
     */
    default void start(PluginContext context) throws Exception {
    }

    /**
     * The factory: called once per transaction, before its first lookup (Orthanc's
     * {@code OrthancPluginStorageCommitmentFactory}).
     *
     * @param transaction the plain values of the request; its references can be streamed, e.g. to
     *                    build an index in one pass
     * @return the lookup that answers for each instance of this transaction
     * @throws CheckUnavailableException the check cannot run now; the job retries later
     * @throws Exception                 any other failure: every instance of the transaction fails
     *                                   with 0110H
     */
    CommitmentLookup open(CommitmentTransaction transaction) throws Exception;
}
