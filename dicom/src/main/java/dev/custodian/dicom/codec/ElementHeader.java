package dev.custodian.dicom.codec;

import dev.custodian.dicom.data.VR;

/** Tag, VR and length of an element header, and the offset where the header starts (PS3.5 §7.1). */
record ElementHeader(int tag, VR vr, long length, long offset) {
}
