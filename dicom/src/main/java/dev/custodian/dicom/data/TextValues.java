package dev.custodian.dicom.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Text values (PS3.5 §6.2): decoding with the Specific Character Set, splitting on the value
 * delimiter '\', trimming per the VR's padding rules, and the reverse. Pure functions.
 */
public final class TextValues {
    private TextValues() {
    }

    /** True for VRs whose value is a single string that may contain '\' (LT, ST, UT, UR). */
    public static boolean isSingleValued(VR vr) {
        return vr == VR.LT || vr == VR.ST || vr == VR.UT || vr == VR.UR;
    }

    /** The values of a text element, each trimmed per {@link #trim}. An empty value gives an empty list. */
    public static List<String> decode(byte[] bytes, VR vr, SpecificCharacterSet cs) {
        if (bytes.length == 0) {
            return List.of();
        }
        String text = vr.usesSpecificCharacterSet()
                ? cs.decode(bytes, 0, bytes.length, vr)
                : new String(bytes, StandardCharsets.ISO_8859_1);
        if (isSingleValued(vr)) {
            return List.of(trim(text, vr));
        }
        List<String> values = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\\') {
                values.add(trim(text.substring(start, i), vr));
                start = i + 1;
            }
        }
        return values;
    }

    /**
     * Removes padding that PS3.5 §6.2 declares insignificant: trailing spaces (and NULs) always,
     * leading spaces too except for LT, ST, UT, UC and UR, whose leading spaces are significant.
     */
    public static String trim(String s, VR vr) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        int start = 0;
        if (!(isSingleValued(vr) || vr == VR.UC)) {
            while (start < end && s.charAt(start) == ' ') {
                start++;
            }
        }
        return s.substring(start, end);
    }

    /** Joins the values with '\', encodes them and pads to even length with the VR's padding byte. */
    public static byte[] encode(VR vr, SpecificCharacterSet cs, String... values) {
        if (!vr.isText()) {
            throw new IllegalArgumentException("VR " + vr + " is not a text VR");
        }
        if (isSingleValued(vr) && values.length > 1) {
            throw new IllegalArgumentException("VR " + vr + " takes a single value");
        }
        String joined = String.join("\\", values);
        byte[] b = vr.usesSpecificCharacterSet() ? cs.encode(joined) : joined.getBytes(StandardCharsets.ISO_8859_1);
        return pad(b, vr);
    }

    /** {@code b} padded to even length with the VR's padding byte (PS3.5 §7.1.1). */
    public static byte[] pad(byte[] b, VR vr) {
        if ((b.length & 1) == 0) {
            return b;
        }
        byte[] padded = new byte[b.length + 1];
        System.arraycopy(b, 0, padded, 0, b.length);
        padded[b.length] = vr.paddingByte();
        return padded;
    }
}
