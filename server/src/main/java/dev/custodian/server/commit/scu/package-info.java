/**
 * The Storage Commitment SCU of the server, "Evidence Creator" (PS3.4 §J.3): Custodian asks a
 * configured modality to commit instances it sent and records, durably, what the remote answered.
 * The database is the source of truth: a transaction and every reference are rows
 * ({@link dev.custodian.server.commit.scu.ScuTransactionStore}, migration V7) written before the
 * first N-ACTION goes out ({@link dev.custodian.server.commit.scu.StorageCommitments}); every
 * N-EVENT-REPORT, on whichever association it comes, is matched by Transaction UID against those
 * rows and stored before its N-EVENT-REPORT-RSP ({@link dev.custodian.server.commit.scu.ReportRecorder}),
 * so a restart between request and report loses nothing. A transaction without report by its
 * deadline becomes {@code Timeout} and finished ones beyond the retention are trimmed
 * ({@link dev.custodian.server.commit.scu.DeadlineSweeper}). Local copies the remote committed
 * are deleted through the archive's normal delete path
 * ({@link dev.custodian.server.commit.scu.Release}).
 *
 * <p>May depend on {@code dev.custodian.stgcmt} (protocol, codecs, values), {@code dev.custodian.net}
 * (client, registry), {@code config}, {@code index} (database, archive, modalities), {@code dicom}
 * (client settings of the modality SCU), JDBI, SLF4J and the JDK. Not on {@code rest}, {@code cli},
 * {@code jobs} or Javalin.
 */
package dev.custodian.server.commit.scu;
