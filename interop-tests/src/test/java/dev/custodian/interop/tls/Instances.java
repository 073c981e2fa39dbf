package dev.custodian.interop.tls;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Secondary Capture instances made with DCMTK dump2dcm (Explicit VR Little Endian, seeded random
 * 16-bit pixels), and the Part 10 (PS3.10 §7.1) facts the TLS tests need: the SOP class and
 * instance, the transfer syntax and the data set bytes after the File Meta Information.
 */
final class Instances {
    static final String SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7";
    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";

    /** What the File Meta Information says, and where the data set starts. */
    record Meta(String sopClass, String sopInstance, String transferSyntax, int dataSetOffset) {
    }

    private Instances() {
    }

    /** {@code count} instances of {@code rows}x{@code rows} pixels in {@code dir}. */
    static List<Path> generate(Path dir, int count, int rows, long seed) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(seed);
        List<Path> files = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            byte[] pixels = new byte[rows * rows * 2];
            random.nextBytes(pixels);
            Path raw = dir.resolve(i + ".raw");
            Files.write(raw, pixels);
            String root = "1.2.826.0.1.3680043.10.1137.515." + seed + ".";
            Path dump = dir.resolve(i + ".dump");
            Files.writeString(dump, String.join("\n",
                    "(0002,0010) UI =LittleEndianExplicit",
                    "(0008,0016) UI =SecondaryCaptureImageStorage",
                    "(0008,0018) UI [" + root + i + "]",
                    "(0008,0060) CS [OT]",
                    "(0008,0064) CS [WSD]",
                    "(0010,0010) PN [Tls^Interop]",
                    "(0010,0020) LO [TLS" + seed + "]",
                    "(0020,000d) UI [" + root + "0.1]",
                    "(0020,000e) UI [" + root + "0.2]",
                    "(0028,0002) US 1",
                    "(0028,0004) CS [MONOCHROME2]",
                    "(0028,0010) US " + rows,
                    "(0028,0011) US " + rows,
                    "(0028,0100) US 16",
                    "(0028,0101) US 16",
                    "(0028,0102) US 15",
                    "(0028,0103) US 0",
                    "(7fe0,0010) OW =" + raw.toAbsolutePath(), ""));
            Path dcm = dir.resolve("tls-" + i + ".dcm");
            Tools.run("dump2dcm", dump.toString(), dcm.toString()).requireSuccess("dump2dcm");
            Files.delete(raw);
            Files.delete(dump);
            files.add(dcm);
        }
        return files;
    }

    static Meta meta(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        if (all.length < 144 || !"DICM".equals(new String(all, 128, 4, StandardCharsets.US_ASCII))) {
            throw new IOException(file + " is not a Part 10 file");
        }
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(132) != 0x00000002) {
            throw new IOException(file + ": no File Meta Information Group Length first");
        }
        int end = 144 + b.getInt(140);
        b.position(144);
        String sopClass = null;
        String sopInstance = null;
        String syntax = null;
        while (b.position() < end) {
            b.getShort();
            int element = b.getShort() & 0xFFFF;
            String vr = new String(new byte[] {b.get(), b.get()}, StandardCharsets.US_ASCII);
            int length;
            if (vr.equals("OB") || vr.equals("UN") || vr.equals("SQ") || vr.equals("UT")) {
                b.getShort();
                length = b.getInt();
            } else {
                length = b.getShort() & 0xFFFF;
            }
            String value = new String(all, b.position(), length, StandardCharsets.US_ASCII).replace("\0", "").trim();
            b.position(b.position() + length);
            switch (element) {
                case 0x0002 -> sopClass = value;
                case 0x0003 -> sopInstance = value;
                case 0x0010 -> syntax = value;
                default -> {
                    // other meta elements are not needed here
                }
            }
        }
        return new Meta(sopClass, sopInstance, syntax, end);
    }

    /** The data set bytes of a Part 10 file. */
    static byte[] dataSet(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        return Arrays.copyOfRange(all, meta(file).dataSetOffset(), all.length);
    }

    /** SHA-256 of each file's data set, sorted: equal lists mean the same data sets. */
    static List<String> dataSetDigests(List<Path> files) throws IOException {
        List<String> digests = new ArrayList<>();
        for (Path f : files) {
            digests.add(sha256(dataSet(f)));
        }
        digests.sort(null);
        return digests;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
