package dev.custodian.server.store;

/** What {@link StorageArea#verify} found. */
public enum VerifyResult {
    /** The file is present and its content has the expected size and SHA-256. */
    OK,
    /** No file with that identifier. */
    MISSING,
    /** The file is present but its content differs from what was stored. */
    CORRUPTED
}
