package dev.custodian.interop.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/** What the byte-for-byte checks need: the files a peer wrote, and digests of their data sets. */
public final class TestFiles {
    private TestFiles() {
    }

    /** Regular files under {@code dir} (recursively), sorted. */
    public static List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Regular files under {@code dir} (recursively) whose name starts with {@code prefix}. */
    public static List<Path> filesStartingWith(Path dir, String prefix) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
        }
    }

    /** SHA-256 of each Part 10 file's data set, sorted: equal lists mean the same data sets. */
    public static List<String> dataSetDigests(List<Path> files) throws IOException {
        return dataSetDigests(files, false);
    }

    /**
     * As {@link #dataSetDigests(List)}; with {@code inflate}, of the inflated data sets (Deflated
     * Explicit VR Little Endian, PS3.5 §A.5: a sender may deflate the same data set differently).
     */
    public static List<String> dataSetDigests(List<Path> files, boolean inflate) throws IOException {
        List<String> digests = new ArrayList<>();
        for (Path f : files) {
            byte[] ds = Part10.read(f).dataSet();
            digests.add(sha256(inflate ? inflate(ds) : ds));
        }
        digests.sort(null);
        return digests;
    }

    /** The bytes a raw deflate stream (no zlib header, PS3.5 §A.5) stands for. */
    public static byte[] inflate(byte[] deflated) throws IOException {
        Inflater inflater = new Inflater(true);
        try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(deflated), inflater)) {
            return in.readAllBytes();
        } finally {
            inflater.end();
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
