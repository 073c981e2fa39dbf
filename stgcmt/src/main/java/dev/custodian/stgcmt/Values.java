package dev.custodian.stgcmt;

import dev.custodian.dicom.data.Uids;

/** Validation shared by the domain values: messages name the attribute that is wrong. */
final class Values {
    /** Maximum length of an AE title (VR AE), PS3.5 §6.2. */
    static final int MAX_AE = 16;
    /** Maximum length of an SH value in characters, PS3.5 §6.2. */
    static final int MAX_SH = 16;

    private Values() {
    }

    static String uid(String uid, String attribute) {
        String problem = Uids.problem(uid);
        if (problem != null) {
            throw new IllegalArgumentException(attribute + ": invalid UID \"" + uid + "\": " + problem
                    + " (PS3.5 §9.1)");
        }
        return uid;
    }

    static String optionalUid(String uid, String attribute) {
        return uid == null ? null : uid(uid, attribute);
    }

    /** AE (PS3.5 §6.2): 1..16 characters of the default repertoire, no backslash or control. */
    static String optionalAeTitle(String ae, String attribute) {
        if (ae == null) {
            return null;
        }
        String strip = ae.strip();
        if (strip.isEmpty() || strip.length() > MAX_AE || !printable(strip)) {
            throw new IllegalArgumentException(attribute + ": invalid AE title \"" + ae
                    + "\" (1..16 characters, no backslash or control characters, PS3.5 §6.2)");
        }
        return strip;
    }

    /** SH (PS3.5 §6.2): 1..16 characters, no backslash or control characters. */
    static String optionalShortString(String sh, String attribute) {
        if (sh == null) {
            return null;
        }
        String strip = sh.strip();
        if (strip.isEmpty() || strip.length() > MAX_SH || !printable(strip)) {
            throw new IllegalArgumentException(attribute + ": invalid SH value \"" + sh
                    + "\" (1..16 characters, no backslash or control characters, PS3.5 §6.2)");
        }
        return strip;
    }

    private static boolean printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
