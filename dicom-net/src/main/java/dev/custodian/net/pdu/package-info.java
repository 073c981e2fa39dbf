/**
 * DICOM upper layer PDUs (PS3.8 §9.3) as immutable records, and their pure codecs
 * {@link dev.custodian.net.pdu.PduReader} / {@link dev.custodian.net.pdu.PduWriter}, and
 * {@link dev.custodian.net.pdu.PduInput}, which buffers a byte stream and decodes P-DATA-TF PDUs
 * in place.
 *
 * <p>No sockets, threads or logging here (streams in, records out); limits ({@link dev.custodian.net.pdu.PduLimits}) are
 * constructor arguments. Malformed input yields a {@link dev.custodian.net.pdu.PduFormatException}
 * naming the byte offset and the A-ABORT reason. Unknown user information sub-items are kept
 * ({@link dev.custodian.net.pdu.UnknownUserInfoItem}); unknown top-level A-ASSOCIATE items are
 * skipped, as PS3.8 §9.3.1 asks.
 *
 * <p>May depend on: the JDK only.
 */
package dev.custodian.net.pdu;
