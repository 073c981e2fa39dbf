package dev.custodian.dicom.data;

/** A value made of bytes: held in memory or referenced as bulk data. */
public sealed interface BinaryValue extends ElementValue permits InlineBytes, BulkData {
    /** Length in bytes of the value. */
    long length();
}
