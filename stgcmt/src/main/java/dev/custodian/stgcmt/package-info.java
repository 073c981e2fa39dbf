/**
 * Storage Commitment Push Model (PS3.4 Annex J) as a library, with no SQL and no HTTP.
 *
 * <ul>
 * <li>Domain values, immutable and validated: {@link dev.custodian.stgcmt.SopReference},
 * {@link dev.custodian.stgcmt.CommitmentRequest}, {@link dev.custodian.stgcmt.FailureReason},
 * {@link dev.custodian.stgcmt.FailedReference}, {@link dev.custodian.stgcmt.CommitmentReport},
 * {@link dev.custodian.stgcmt.RemoteAe}.</li>
 * <li>Pure codecs of the two data sets (PS3.4 §J.3.2 Table J.3-1, §J.3.3 Table J.3-2):
 * {@link dev.custodian.stgcmt.ActionInformationCodec} (N-ACTION Action Information) and
 * {@link dev.custodian.stgcmt.EventInformationCodec} (N-EVENT-REPORT Event Information). Bad
 * input becomes a {@link dev.custodian.stgcmt.CommitmentFormatException} carrying the DIMSE status
 * to answer with.</li>
 * <li>Protocol helpers on the DIMSE layer: {@link dev.custodian.stgcmt.StorageCommitmentScp} (the
 * N-ACTION performer: validates, decodes, hands the request to a listener that records it),
 * {@link dev.custodian.stgcmt.StorageCommitmentScu} (send
 * the N-ACTION, match the report by Transaction UID whichever association it arrives on, before or
 * after the N-ACTION-RSP) and {@link dev.custodian.stgcmt.EventReportSender} (deliver the report on
 * the request's association or on a new one where we take the SCP role). Persistence and retry
 * policy belong to the caller (the server's commitment jobs).</li>
 * </ul>
 *
 * <p>May depend on {@code dev.custodian.dicom.*}, {@code dev.custodian.net.*}, SLF4J and the JDK;
 * never on {@code dev.custodian.server}.
 */
package dev.custodian.stgcmt;
