package dev.custodian.dicom.codec;

import dev.custodian.dicom.data.VR;

/** Byte order conversion for Explicit VR Big Endian (PS3.5 §7.3). */
final class ByteSwap {
    private ByteSwap() {
    }

    /** Size of the unit whose bytes are reversed: AT is two 16-bit numbers (PS3.5 §6.2). */
    static int unit(VR vr) {
        return vr == VR.AT ? 2 : vr.isByteOrderSensitive() ? vr.unitSize() : 1;
    }

    /** Reverses each whole unit of {@code len} bytes from {@code off} in place. */
    static void swap(byte[] b, int off, int len, int unit) {
        if (unit <= 1) {
            return;
        }
        int end = off + len - len % unit;
        for (int i = off; i < end; i += unit) {
            for (int lo = i, hi = i + unit - 1; lo < hi; lo++, hi--) {
                byte t = b[lo];
                b[lo] = b[hi];
                b[hi] = t;
            }
        }
    }
}
