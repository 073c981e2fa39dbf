package dev.custodian.server.store;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Passes bytes through while counting them and computing their SHA-256. */
final class DigestingOutputStream extends FilterOutputStream {
    private final MessageDigest digest = sha256();
    private long count;

    DigestingOutputStream(OutputStream out) {
        super(out);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        digest.update((byte) b);
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        digest.update(b, off, len);
        count += len;
    }

    long count() {
        return count;
    }

    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Size and SHA-256 of everything read from {@code in}. */
    /** Size and SHA-256 of {@code in} read to its end, as the {@link StoredFile} {@code uuid}. */
    static StoredFile measure(String uuid, java.io.InputStream in) throws IOException {
        DigestingOutputStream sink = new DigestingOutputStream(OutputStream.nullOutputStream());
        in.transferTo(sink);
        return new StoredFile(uuid, sink.count(), sink.hex());
    }
}
