/**
 * DIMSE, the DICOM Message Service Element (PS3.7): message records ({@link
 * dev.custodian.net.dimse.CStoreRq} ...), command field constants, statuses (Annex C), the
 * command set codec (Implicit VR Little Endian, §6.3.1, built on the {@code dicom} module's
 * reader and writer) and the per-association session that assembles requests and responses,
 * matches responses to requests by Message ID and hands incoming requests to a
 * {@link dev.custodian.net.dimse.RequestHandler}.
 *
 * <p>Seam to the upper layer: {@link dev.custodian.net.dimse.DimseSession#onCommand} is the
 * association's message listener; {@link dev.custodian.net.dimse.DimseChannel} (implemented over
 * an association by {@link dev.custodian.net.dimse.AssociationChannel}, in memory by tests) is
 * how it sends, and {@link dev.custodian.net.dimse.DimseChannel#dataSet()} how it reads the data
 * set of an incoming request: the request is performed on the association's reader thread, which
 * reads the PDUs as the handler consumes the stream (backpressure through TCP), so a data set is
 * streamed, never held whole, and never handed between threads.
 *
 * <p>May depend on {@code dev.custodian.dicom.*}, {@code dev.custodian.net.ul},
 * {@code dev.custodian.net.pdu}, SLF4J and the JDK. Must not depend on
 * {@code dev.custodian.net.service} (which builds on this package) or on transport.
 */
package dev.custodian.net.dimse;
