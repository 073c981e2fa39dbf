package dev.custodian.net.dimse;

/** Priority (0000,0700) of a C-STORE/C-FIND/C-GET/C-MOVE request, PS3.7 §9.1.1.1.2 / table E.1-1. */
public enum Priority {
    MEDIUM(0x0000), HIGH(0x0001), LOW(0x0002);

    private final int code;

    Priority(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The priority with value {@code code}, or {@code null} when it is not one of 0, 1, 2. */
    public static Priority ofCode(int code) {
        for (Priority p : values()) {
            if (p.code == code) {
                return p;
            }
        }
        return null;
    }
}
