package dev.custodian.interop.dimse;

import dev.custodian.dicom.file.FileMetaInformation;
import dev.custodian.dicom.file.Part10Reader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Test instances for the DIMSE interop tests, made with DCMTK's dump2dcm (Secondary Capture,
 * seeded random 16-bit pixels) and converted with dcmconv; and the Part 10 helpers the
 * byte-for-byte checks need.
 */
final class TestFiles {
    static final String SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7";
    static final Duration TOOL_LIMIT = Duration.ofSeconds(60);

    private TestFiles() {
    }

    /**
     * Writes {@code count} Explicit VR Little Endian instances of {@code rows}x{@code rows} 16-bit
     * pixels into {@code dir}, named {@code <prefix>-<n>.dcm}; returns their paths.
     */
    static List<Path> generate(Path dir, String prefix, int count, int rows, long seed) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(seed);
        List<Path> files = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            byte[] pixels = new byte[rows * rows * 2];
            random.nextBytes(pixels);
            Path raw = dir.resolve(prefix + "-" + i + ".raw");
            Files.write(raw, pixels);
            String root = "1.2.826.0.1.3680043.10.1137." + Math.abs(seed) + "." + Math.floorMod(prefix.hashCode(), 1000) + ".";
            String dump = String.join("\n",
                    "(0002,0010) UI =LittleEndianExplicit",
                    "(0008,0016) UI =SecondaryCaptureImageStorage",
                    "(0008,0018) UI [" + root + i + ".3]",
                    "(0008,0020) DA [20260101]",
                    "(0008,0060) CS [OT]",
                    "(0008,0064) CS [WSD]",
                    "(0010,0010) PN [Interop^" + prefix + "]",
                    "(0010,0020) LO [" + prefix + "]",
                    "(0020,000d) UI [" + root + "1]",
                    "(0020,000e) UI [" + root + "2]",
                    "(0020,0013) IS [" + i + "]",
                    "(0028,0002) US 1",
                    "(0028,0004) CS [MONOCHROME2]",
                    "(0028,0010) US " + rows,
                    "(0028,0011) US " + rows,
                    "(0028,0100) US 16",
                    "(0028,0101) US 16",
                    "(0028,0102) US 15",
                    "(0028,0103) US 0",
                    "(7fe0,0010) OW =" + raw.toAbsolutePath(),
                    "");
            Path dumpFile = dir.resolve(prefix + "-" + i + ".dump");
            Files.writeString(dumpFile, dump);
            Path dcm = dir.resolve(prefix + "-" + i + ".dcm");
            Dcmtk.run(TOOL_LIMIT, "dump2dcm", dumpFile.toString(), dcm.toString()).requireSuccess("dump2dcm");
            Files.delete(raw);
            Files.delete(dumpFile);
            files.add(dcm);
        }
        return files;
    }

    /** dcmconv with {@code option} (+ti, +te, +tb, +td) of each file into {@code dir}. */
    static List<Path> convert(List<Path> files, Path dir, String option) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        for (Path f : files) {
            Path target = dir.resolve(f.getFileName());
            Dcmtk.run(TOOL_LIMIT, "dcmconv", option, f.toString(), target.toString()).requireSuccess("dcmconv");
            out.add(target);
        }
        return out;
    }

    /** The data set bytes of a Part 10 file: everything after the File Meta Information (PS3.10 §7.1). */
    static byte[] dataSet(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new Part10Reader().readHeader(in).dataSet().readAllBytes();
        }
    }

    /** The transfer syntax in a Part 10 file's meta information. */
    static String transferSyntax(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new Part10Reader().readHeader(in).transferSyntax().uid();
        }
    }

    /** The (SOP class, transfer syntax) of a Part 10 file. */
    static FileMetaInformation meta(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new Part10Reader().readHeader(in).meta().orElseThrow();
        }
    }

    /** SHA-256 of each file's data set, sorted: equal lists mean the same data sets arrived. */
    static List<String> dataSetDigests(List<Path> files) throws IOException {
        return dataSetDigests(files, false);
    }

    /**
     * As {@link #dataSetDigests(List)}; with {@code inflate}, of the inflated data sets (Deflated
     * Explicit VR Little Endian, PS3.5 §A.5: a sender may deflate the same data set differently).
     */
    static List<String> dataSetDigests(List<Path> files, boolean inflate) throws IOException {
        List<String> digests = new ArrayList<>();
        for (Path f : files) {
            byte[] ds = dataSet(f);
            digests.add(sha256(inflate ? inflate(ds) : ds));
        }
        digests.sort(null);
        return digests;
    }

    /** Regular files under {@code dir}. */
    static List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    static byte[] inflate(byte[] deflated) throws IOException {
        Inflater inflater = new Inflater(true);
        try (InflaterInputStream in = new InflaterInputStream(new java.io.ByteArrayInputStream(deflated), inflater)) {
            return in.readAllBytes();
        } finally {
            inflater.end();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
