/**
 * Storage verification (beyond Orthanc; dcm4chee calls it "storage verification"): the {@code
 * StorageVerification} job re-reads the files of a study, a series or the whole archive at a
 * bounded rate, compares size and SHA-256 with the index, and marks the instances found missing or
 * damaged ({@link dev.custodian.server.index.Verifications}) so that a Storage Commitment request
 * fails them (0110H) instead of committing them; a later verification that finds a file intact
 * clears its mark. Its findings are the job's {@code report} output.
 *
 * <p>May depend on {@code jobs}, {@code index}, {@code store}, Jackson, SLF4J and the JDK. Not on
 * {@code rest}, {@code dicom} or {@code cli}.
 */
package dev.custodian.server.verify;
