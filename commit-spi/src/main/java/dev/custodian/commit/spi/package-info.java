/**
 * The public service-provider interface for Storage Commitment check plug-ins of Custodian, the
 * counterpart of Orthanc's {@code OrthancPluginRegisterStorageCommitmentScpCallback}. JDK only: a
 * plug-in compiles against this jar ({@code dev.custodian:custodian-commit-spi}, scope
 * {@code provided}) and nothing else of Custodian.
 *
 * <p>A minimal plug-in that commits only CT images:
 *
 * <pre>{@code
 * public final class OnlyCt implements StorageCommitmentPlugin {
 *     public String name() { return "OnlyCt"; }
 *
 *     public CommitmentLookup open(CommitmentTransaction transaction) {
 *         return (sopClassUid, sopInstanceUid) -> sopClassUid.equals("1.2.840.10008.5.1.4.1.1.2")
 *                 ? CommitmentAnswer.COMMITTED
 *                 : CommitmentAnswer.failed(FailureReason.REFERENCED_SOP_CLASS_NOT_SUPPORTED);
 *     }
 * }
 * }</pre>
 *
 * with {@code META-INF/services/dev.custodian.commit.spi.StorageCommitmentPlugin} containing
 * {@code org.example.OnlyCt}, and in Custodian's configuration {@code "Plugins": ["only-ct.jar"]}.
 *
 * <p>What Custodian guarantees around a check: the request was persisted before it was
 * acknowledged; the check's answers are recorded before the report is sent; a check that throws
 * or does not answer within the timeout fails the instance (0110H) and the report still goes out.
 * The check decides; it does not store or move files, and it is not told about later deletions.
 */
package dev.custodian.commit.spi;
