/**
 * Part 10 files (PS3.10 §7): preamble, DICM prefix, File Meta Information; reading files (with or
 * without preamble/meta), writing them, and the ingest helper that copies a network data set into
 * a file verbatim while extracting the attributes to index.
 * Depends on {@code codec}, {@code data}, {@code dict} and the JDK.
 */
package dev.custodian.dicom.file;
