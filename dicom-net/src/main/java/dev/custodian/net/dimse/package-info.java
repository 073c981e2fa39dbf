/**
 * DIMSE, the DICOM Message Service Element (PS3.7): message records ({@link
 * dev.custodian.net.dimse.CStoreRq} ...), command field constants, statuses (Annex C), the
 * command set codec (Implicit VR Little Endian, §6.3.1, built on the {@code dicom} module's
 * reader and writer) and the per-association session that assembles requests and responses,
 * matches responses to requests by Message ID and hands incoming requests to a
 * {@link dev.custodian.net.dimse.RequestHandler}.
 *
 * <p>May depend on {@code dev.custodian.dicom.*}, {@code dev.custodian.net.ul} (through
 * {@link dev.custodian.net.dimse.DimseChannel}), SLF4J and the JDK. Must not depend on
 * {@code dev.custodian.net.service} (which builds on this package).
 */
package dev.custodian.net.dimse;
