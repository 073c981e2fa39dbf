/**
 * The data dictionary of PS3.6: data elements (tag, keyword, name, VR, VM, retired) and UIDs
 * (Annex A), loaded from a compact generated resource. Depends on {@code data.VR} and the JDK only.
 */
package dev.custodian.dicom.dict;
