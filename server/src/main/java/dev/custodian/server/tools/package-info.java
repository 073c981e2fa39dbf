/**
 * The command-line tools of the launcher, {@code custodian echo | store | stgcmt}: a Verification
 * SCU, a Storage SCU and a Storage Commitment Push Model SCU for testing a PACS or scripting a
 * modality-side check, with nothing else to install. Built on {@code dev.custodian.net} (DIMSE,
 * {@link dev.custodian.net.service.StorageProposals}) and {@code dev.custodian.stgcmt}
 * ({@link dev.custodian.stgcmt.StorageCommitmentScu}); no server, no database, no storage area.
 *
 * <p>May depend on {@code dev.custodian.dicom.*}, {@code dev.custodian.net.*},
 * {@code dev.custodian.stgcmt}, {@code dev.custodian.server.tls} (the server's reading of PEM files,
 * for {@code --tls}), picocli, progressbar, Jackson, SLF4J / Logback and the JDK; never on the other
 * packages of {@code dev.custodian.server} (the architecture test keeps this).
 */
package dev.custodian.server.tools;
