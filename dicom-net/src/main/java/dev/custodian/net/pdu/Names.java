package dev.custodian.net.pdu;

/** Validation shared by the PDU records: AE titles (PS3.5 §6.2 AE) and UIDs (PS3.5 §9). */
final class Names {

    private Names() {
    }

    static String aeTitle(String ae, String what) {
        if (ae == null) {
            throw new NullPointerException(what);
        }
        String t = ae.strip();
        if (t.isEmpty() || t.length() > 16) {
            throw new IllegalArgumentException(what + " must be 1-16 characters: '" + ae + "'");
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '\\') {
                throw new IllegalArgumentException(what + " has an illegal character at " + i + ": '" + ae + "'");
            }
        }
        return t;
    }

    static String uid(String uid, String what) {
        if (uid == null) {
            throw new NullPointerException(what);
        }
        if (uid.isEmpty() || uid.length() > 64) {
            throw new IllegalArgumentException(what + " must be 1-64 characters: '" + uid + "'");
        }
        for (int i = 0; i < uid.length(); i++) {
            char c = uid.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException(what + " has a non-printable character at " + i);
            }
        }
        return uid;
    }

    static int presentationContextId(int id) {
        if (id < 1 || id > 255 || (id & 1) == 0) {
            throw new IllegalArgumentException("presentation context ID must be odd 1-255: " + id);
        }
        return id;
    }
}
