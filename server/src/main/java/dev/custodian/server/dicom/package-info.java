/**
 * The archive's DICOM network side: the C-ECHO and C-STORE SCPs (PS3.4 Annexes A and B) on
 * {@code DicomPort} with the association rules of the configuration ({@link
 * dev.custodian.server.dicom.AssociationRules}), the {@link dev.custodian.server.dicom.ArchiveScp}
 * that runs them, and the SCU operations behind the REST routes {@code /modalities/{id}/echo} and
 * {@code /store} ({@link dev.custodian.server.dicom.ModalityScu}, which reads what it sends through
 * {@code OutgoingFiles} and chooses its presentation contexts and batches with {@code ContextPlan}).
 *
 * <p>May depend on {@code dev.custodian.server.config}, {@code dev.custodian.server.index},
 * {@code dev.custodian.server.store}, {@code dev.custodian.net.*}, {@code dev.custodian.dicom.*},
 * {@code dev.custodian.server.tls} (DICOM TLS), SLF4J and the JDK. Not on {@code rest} or {@code cli}
 * (they depend on this package).
 */
package dev.custodian.server.dicom;
