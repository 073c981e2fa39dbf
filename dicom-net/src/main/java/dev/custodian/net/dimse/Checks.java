package dev.custodian.net.dimse;

/** Validation shared by the message records' compact constructors (PS3.5 §6.2, §9.1). */
final class Checks {
    private static final int MAX_UID = 64;
    private static final int MAX_AE = 16;

    private Checks() {
    }

    /** A Message ID or Message ID Being Responded To: VR US, 0..65535 (PS3.7 §E.1). */
    static int messageId(int id, String what) {
        if (id < 0 || id > 0xFFFF) {
            throw new IllegalArgumentException(what + " out of US range 0..65535: " + id);
        }
        return id;
    }

    /** A required UID (PS3.5 §9.1): 1..64 characters of digits and dots. */
    static String uid(String uid, String what) {
        if (uid == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        return optionalUid(uid, what);
    }

    /** An optional UID: null, or valid as {@link #uid}. */
    static String optionalUid(String uid, String what) {
        if (uid == null) {
            return null;
        }
        if (uid.isEmpty() || uid.length() > MAX_UID) {
            throw new IllegalArgumentException(what + " must have 1..64 characters: \"" + uid + "\"");
        }
        for (int i = 0; i < uid.length(); i++) {
            char c = uid.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                throw new IllegalArgumentException(what + " is not a UID: \"" + uid + "\"");
            }
        }
        return uid;
    }

    /** An optional AE title (VR AE): at most 16 characters, no backslash or control characters. */
    static String optionalAet(String aet, String what) {
        if (aet == null) {
            return null;
        }
        String t = aet.strip();
        if (t.isEmpty() || t.length() > MAX_AE || t.chars().anyMatch(c -> c == '\\' || c < 0x20)) {
            throw new IllegalArgumentException(what + " is not a valid AE title: \"" + aet + "\"");
        }
        return t;
    }

    /** A US value (event/action type ID), 0..65535. */
    static int us(int value, String what) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException(what + " out of US range 0..65535: " + value);
        }
        return value;
    }

    static Status status(Status status) {
        if (status == null) {
            throw new IllegalArgumentException("Status is required");
        }
        return status;
    }
}
