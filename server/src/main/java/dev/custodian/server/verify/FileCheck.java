package dev.custodian.server.verify;

import dev.custodian.server.index.Verifications;
import dev.custodian.server.store.StorageArea;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Re-reads one instance's file through a {@link Throttle} and compares it with what the index recorded. */
final class FileCheck {
    private static final int CHUNK = 64 * 1024;

    private final StorageArea storage;

    FileCheck(StorageArea storage) {
        this.storage = storage;
    }

    /** The outcome for {@code t}; {@code bytesRead[0]} grows by what was read. */
    Verifications.Outcome check(Verifications.Target t, Throttle throttle, long[] bytesRead)
            throws InterruptedException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        long size = 0;
        try (InputStream in = storage.open(t.file().uuid())) {
            byte[] buffer = new byte[CHUNK];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha256.update(buffer, 0, n);
                size += n;
                bytesRead[0] += n;
                throttle.read(n);
            }
        } catch (NoSuchFileException e) {
            return new Verifications.Outcome(t, Verifications.Problem.MISSING, "file " + t.file().uuid() + " is missing");
        } catch (IOException e) {
            return new Verifications.Outcome(t, Verifications.Problem.CORRUPTED, "file " + t.file().uuid()
                    + " cannot be read: " + e.getMessage());
        }
        String digest = HexFormat.of().formatHex(sha256.digest());
        if (size != t.file().size()) {
            return new Verifications.Outcome(t, Verifications.Problem.CORRUPTED,
                    "size " + size + " bytes, recorded " + t.file().size());
        }
        if (!digest.equalsIgnoreCase(t.file().sha256())) {
            return new Verifications.Outcome(t, Verifications.Problem.CORRUPTED,
                    "SHA-256 " + digest + ", recorded " + t.file().sha256());
        }
        return new Verifications.Outcome(t, null, "");
    }
}
