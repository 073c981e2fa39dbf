package dev.custodian.dicom.data;

/**
 * Validation of UID values, PS3.5 §9.1: at most 64 characters; components of digits separated by
 * single dots; a component is "0" or does not start with '0'; at least one component. (The NUL
 * byte padding a UI value to even length is stripped by the codec before this check.)
 */
public final class Uids {
    /** Maximum length of a UID, PS3.5 §9.1. */
    public static final int MAX_LENGTH = 64;

    private Uids() {
    }

    /** True when {@code uid} is a valid UID per PS3.5 §9.1. */
    public static boolean isValid(String uid) {
        return problem(uid) == null;
    }

    /** Returns {@code uid} if valid, else throws IllegalArgumentException naming the problem. */
    public static String requireValid(String uid) {
        String problem = problem(uid);
        if (problem != null) {
            throw new IllegalArgumentException("invalid UID \"" + uid + "\": " + problem + " (PS3.5 §9.1)");
        }
        return uid;
    }

    /** The first reason {@code uid} is not valid, or {@code null} if it is. */
    public static String problem(String uid) {
        if (uid == null || uid.isEmpty()) {
            return "empty";
        }
        if (uid.length() > MAX_LENGTH) {
            return "longer than " + MAX_LENGTH + " characters (" + uid.length() + ")";
        }
        int start = 0;
        int component = 1;
        for (int i = 0; i <= uid.length(); i++) {
            char c = i < uid.length() ? uid.charAt(i) : '.';
            if (c == '.') {
                if (i == start) {
                    return "component " + component + " is empty (at offset " + i + ")";
                }
                if (uid.charAt(start) == '0' && i - start > 1) {
                    return "component " + component + " has a leading zero (at offset " + start + ")";
                }
                start = i + 1;
                component++;
            } else if (c < '0' || c > '9') {
                return "character '" + printable(c) + "' at offset " + i + " is not a digit or '.'";
            }
        }
        return null;
    }

    private static String printable(char c) {
        return c < 0x20 || c > 0x7E ? String.format("\\u%04X", (int) c) : String.valueOf(c);
    }
}
