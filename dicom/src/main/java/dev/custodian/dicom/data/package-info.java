/**
 * The DICOM data model (PS3.5 §7): {@link dev.custodian.dicom.data.DataSet} (a mutable container
 * ordered by tag), immutable {@link dev.custodian.dicom.data.DataElement}s and values (bytes in
 * memory, bulk data references, sequences of items, encapsulated fragments), VRs, character sets,
 * UIDs, and the pure value conversions (text, binary numbers, dates and times).
 * Depends on the JDK only (the dictionary package depends on this one, not the reverse).
 */
package dev.custodian.dicom.data;
