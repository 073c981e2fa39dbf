/**
 * Transfer syntaxes (PS3.5 §10, Annex A) and the streaming reader and writer of data sets
 * (PS3.5 §7): {@link dev.custodian.dicom.codec.DicomReader} with limits in
 * {@link dev.custodian.dicom.codec.DicomReaderOptions}, bulk values to a
 * {@link dev.custodian.dicom.codec.BulkDataSink}, and {@link dev.custodian.dicom.codec.DicomWriter}.
 * Pure: streams in, values out. No threads, sockets, files or logging.
 * Depends on {@code data}, {@code dict} and the JDK.
 */
package dev.custodian.dicom.codec;
