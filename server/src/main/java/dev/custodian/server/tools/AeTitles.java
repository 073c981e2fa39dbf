package dev.custodian.server.tools;

/** Checks of AE titles (PS3.5 §6.2, VR AE) and ports given on the command line. */
final class AeTitles {
    private AeTitles() {
    }

    /** {@code aet} stripped; 1..16 characters, no backslash or control character. */
    static String require(String aet) {
        String s = aet == null ? "" : aet.strip();
        if (s.isEmpty() || s.length() > 16) {
            throw new IllegalArgumentException("AE title must have 1 to 16 characters: '" + aet + "'");
        }
        if (s.chars().anyMatch(c -> c == '\\' || Character.isISOControl(c))) {
            throw new IllegalArgumentException("AE title must not contain '\\' or control characters: '" + aet + "'");
        }
        return s;
    }

    /** A TCP port 1..65535. */
    static int port(String text, String whole) {
        try {
            int p = Integer.parseInt(text);
            if (p >= 1 && p <= 65_535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("port must be 1 to 65535 in " + whole + ": '" + text + "'");
    }
}
