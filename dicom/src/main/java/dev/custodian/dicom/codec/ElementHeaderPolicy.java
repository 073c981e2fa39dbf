package dev.custodian.dicom.codec;

import dev.custodian.dicom.data.VR;
import java.util.function.IntFunction;

/** Chooses the VR to record for an element; see the policy in {@link DicomReader}. */
final class ElementHeaderPolicy {
    private final IntFunction<VR> dictionary;

    ElementHeaderPolicy(IntFunction<VR> dictionary) {
        this.dictionary = dictionary;
    }

    VR dictionaryVr(int tag) {
        VR vr = dictionary.apply(tag);
        return vr == null ? VR.UN : vr;
    }

    /** Implicit VR (PS3.5 §7.1.3): the dictionary's; an undefined length on an unknown tag means SQ. */
    VR implicitVr(int tag, boolean undefinedLength) {
        VR vr = dictionaryVr(tag);
        if (undefinedLength && vr == VR.UN && tag != DicomReader.PIXEL_DATA) {
            return VR.SQ;
        }
        return vr;
    }

    /** The VR to record for an explicit VR {@code sent} that is not SQ. */
    VR explicitVr(int tag, VR sent, boolean bigEndian) {
        VR dict = dictionaryVr(tag);
        if (dict == sent || dict == VR.UN || dict == VR.SQ) {
            return sent;
        }
        if (sent == VR.UN) {
            return dict.isText() || !bigEndian ? dict : sent;
        }
        return sent.isText() && dict.isText() ? dict : sent;
    }
}
