package dev.custodian.dicom.data;

/**
 * The value field of a data element (PS3.5 §7.1): raw bytes held in memory ({@link InlineBytes}),
 * a reference to bytes kept elsewhere ({@link BulkData}), the items of a sequence
 * ({@link Sequence}, PS3.5 §7.5) or encapsulated pixel data ({@link Fragments}, PS3.5 §A.4).
 */
public sealed interface ElementValue permits BinaryValue, Sequence, Fragments {
}
