package dev.custodian.server.store;

import java.io.IOException;

/**
 * No room for one more file: the disk is full, the configured reserve of free space would be
 * crossed, or {@code MaximumStorageSize} would be exceeded. The C-STORE SCP answers
 * 0xA700 "Refused: Out of Resources" (PS3.4 §B.2.3).
 */
public final class StorageFullException extends IOException {
    private static final long serialVersionUID = 1L;

    public StorageFullException(String message) {
        super(message);
    }

    public StorageFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
