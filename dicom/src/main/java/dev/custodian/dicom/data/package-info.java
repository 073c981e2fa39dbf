/**
 * The DICOM data model (PS3.5 §7): data sets, elements, sequences, items, VRs, character sets.
 * Depends on {@code dev.custodian.dicom.dict} and the JDK only.
 */
package dev.custodian.dicom.data;
