/** Part 10 files (PS3.10 §7): preamble, DICM prefix, File Meta Information. */
package dev.custodian.dicom.file;
