package dev.custodian.server.index;

import java.io.IOException;

/**
 * A received data set that cannot be archived although it parsed: a required attribute is
 * missing or it contradicts the C-STORE request (PS3.4 §B.2.3: the SCP answers 0xA900 "Data Set
 * does not match SOP Class" or 0xC000 "Cannot understand").
 */
public final class InvalidInstanceException extends IOException {
    private static final long serialVersionUID = 1L;

    public InvalidInstanceException(String message) {
        super(message);
    }
}
