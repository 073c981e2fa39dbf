package dev.custodian.plugins.backupcheck;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Minimal Part 10 files written byte by byte (PS3.10 §7.1), so the tests need nothing but the JDK. */
final class Part10Files {
    static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    static final String MR = "1.2.840.10008.5.1.4.1.1.4";
    private static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";

    private Part10Files() {}

    static Path write(Path file, String sopClass, String sopInstance) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes(sopClass, sopInstance, true));
        return file;
    }

    static byte[] bytes(String sopClass, String sopInstance, boolean withDataSet) {
        ByteArrayOutputStream meta = new ByteArrayOutputStream();
        element(meta, 0x0001, "OB", new byte[] {0, 1});
        element(meta, 0x0002, "UI", ui(sopClass));
        element(meta, 0x0003, "UI", ui(sopInstance));
        element(meta, 0x0010, "UI", ui(EXPLICIT_LE));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[128]);
        out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        element(out, 0x0000, "UL", ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(meta.size()).array());
        out.writeBytes(meta.toByteArray());
        if (withDataSet) {
            byte[] tag = {0x08, 0x00, 0x18, 0x00, 'U', 'I'};
            out.writeBytes(tag);
            byte[] v = ui(sopInstance);
            out.write(v.length & 0xFF);
            out.write(v.length >> 8);
            out.writeBytes(v);
        }
        return out.toByteArray();
    }

    private static void element(ByteArrayOutputStream out, int element, String vr, byte[] value) {
        ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 2).putShort((short) element).put(vr.getBytes(StandardCharsets.US_ASCII));
        if (vr.equals("OB")) {
            b.putShort((short) 0).putInt(value.length);
        } else {
            b.putShort((short) value.length);
        }
        out.write(b.array(), 0, b.position());
        out.writeBytes(value);
    }

    private static byte[] ui(String uid) {
        byte[] raw = uid.getBytes(StandardCharsets.US_ASCII);
        if (raw.length % 2 == 0) {
            return raw;
        }
        byte[] padded = new byte[raw.length + 1];
        System.arraycopy(raw, 0, padded, 0, raw.length);
        return padded;
    }
}
