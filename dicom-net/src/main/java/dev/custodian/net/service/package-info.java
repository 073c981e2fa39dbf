/**
 * DIMSE services (PS3.4 built on PS3.7): the service interfaces an application implements
 * ({@link dev.custodian.net.service.CStoreService}, {@link dev.custodian.net.service.NActionHandler},
 * {@link dev.custodian.net.service.NEventReportHandler}, {@link dev.custodian.net.service.CEchoService}),
 * the {@link dev.custodian.net.service.ServiceRegistry} keyed by SOP Class UID that also tells the
 * acceptor which abstract syntaxes and roles to accept, the one
 * {@link dev.custodian.net.service.ServiceDispatcher} that turns results and
 * {@link dev.custodian.net.dimse.DimseFailure}s into responses, and the application entry points:
 * {@link dev.custodian.net.service.DicomServer} (accept associations) and
 * {@link dev.custodian.net.service.DicomClient} (request them, SCU operations).
 *
 * <p>May depend on {@code dev.custodian.net.dimse}, {@code dev.custodian.net.ul},
 * {@code dev.custodian.net.transport}, {@code dev.custodian.dicom.*}, SLF4J and the JDK.
 */
package dev.custodian.net.service;
