package dev.custodian.plugins.backupcheck;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The two UIDs of a DICOM Part 10 file's meta information (PS3.10 §7.1): Media Storage SOP Class
 * UID (0002,0002) and Media Storage SOP Instance UID (0002,0003). The group is always Explicit VR
 * Little Endian; it is read from the first bytes of the file only. A file that is not Part 10,
 * lacks either UID or has no data set after its meta information is damaged.
 */
record MetaHeader(String sopClassUid, String sopInstanceUid) {
    private static final int PREAMBLE = 128;
    private static final int MAX_META = 64 * 1024;
    /** PS3.5 §7.1.2: VRs with a reserved field and a 4-byte length. */
    private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN",
            "UR", "UT", "UV");

    /** Reads the header of {@code file}. @throws IOException unreadable or not a complete Part 10 file */
    static MetaHeader read(Path file) throws IOException {
        long size = Files.size(file);
        byte[] head = new byte[(int) Math.min(size, PREAMBLE + 4 + MAX_META)];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, head.length) != head.length) {
                throw new IOException("shorter than its size");
            }
        }
        if (head.length < PREAMBLE + 4
                || !"DICM".equals(new String(head, PREAMBLE, 4, StandardCharsets.US_ASCII))) {
            throw new IOException("not a DICOM Part 10 file (no DICM prefix)");
        }
        return parse(ByteBuffer.wrap(head, PREAMBLE + 4, head.length - PREAMBLE - 4).order(ByteOrder.LITTLE_ENDIAN),
                size);
    }

    private static MetaHeader parse(ByteBuffer b, long fileSize) throws IOException {
        String sopClass = null;
        String sopInstance = null;
        while (b.remaining() >= 8 && b.getShort(b.position()) == 0x0002) {
            int element = b.getShort(b.position() + 2) & 0xFFFF;
            String vr = new String(new byte[] {b.get(b.position() + 4), b.get(b.position() + 5)},
                    StandardCharsets.US_ASCII);
            long length;
            if (LONG_VRS.contains(vr)) {
                if (b.remaining() < 12) {
                    throw new IOException("meta information truncated");
                }
                length = b.getInt(b.position() + 8) & 0xFFFFFFFFL;
                b.position(b.position() + 12);
            } else {
                length = b.getShort(b.position() + 6) & 0xFFFF;
                b.position(b.position() + 8);
            }
            if (length > b.remaining()) {
                throw new IOException("meta information truncated or longer than " + MAX_META + " bytes");
            }
            byte[] value = new byte[(int) length];
            b.get(value);
            if (element == 0x0002) {
                sopClass = uid(value);
            } else if (element == 0x0003) {
                sopInstance = uid(value);
            }
        }
        if (sopClass == null || sopInstance == null || sopClass.isEmpty() || sopInstance.isEmpty()) {
            throw new IOException("meta information lacks Media Storage SOP Class or Instance UID");
        }
        if (b.position() >= fileSize) {
            throw new IOException("no data set after the meta information (truncated copy)");
        }
        return new MetaHeader(sopClass, sopInstance);
    }

    /** A UI value without its trailing NUL or space padding (PS3.5 §6.2). */
    private static String uid(byte[] value) {
        int end = value.length;
        while (end > 0 && (value[end - 1] == 0 || value[end - 1] == ' ')) {
            end--;
        }
        return new String(value, 0, end, StandardCharsets.US_ASCII);
    }
}
