/**
 * Transfer syntaxes and the streaming reader/writer of data sets (PS3.5 §7, §10, Annex A).
 * Pure: streams in, values out. No threads, sockets or logging.
 */
package dev.custodian.dicom.codec;
