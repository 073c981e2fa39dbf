/**
 * The Storage Commitment SCP inside the server (PS3.4 Annex J Push Model, "Image Manager"; IHE
 * RAD-10): who may ask ({@link dev.custodian.server.commit.scp.CommitmentRequests}), the request
 * made durable as rows before the N-ACTION-RSP ({@link dev.custodian.server.commit.scp.CommitmentStore},
 * migration V6), the {@code StorageCommitmentScp} job that checks the references in batches through
 * a {@link dev.custodian.server.commit.check.CommitmentCheck} and delivers the report with retries
 * ({@link dev.custodian.server.commit.scp.ReportDelivery}), the per-instance results as a job
 * output and the commitment ledger.
 *
 * <p>May depend on {@code dev.custodian.stgcmt}, {@code dev.custodian.net}, {@code commit.check},
 * {@code config}, {@code index}, {@code dicom} (the listener's hooks), {@code jobs}, Jackson,
 * JDBI, SLF4J and the JDK. Not on {@code rest} or {@code cli}.
 */
package dev.custodian.server.commit.scp;
