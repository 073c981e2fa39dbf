package dev.custodian.interop.dimse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Test-side Part 10 (PS3.10 §7.1) framing for the interop tests: the File Meta Information of a
 * received instance written before its data set bytes, and the meta elements of a file read back.
 * (The dicom module's file writer replaces this once it exists.)
 */
final class Part10 {
    /** The meta elements a store needs. */
    record Meta(String sopClass, String sopInstance, String transferSyntax, long dataSetOffset) {
    }

    private Part10() {
    }

    /** Writes preamble, DICM, File Meta Information, then {@code dataSet} copied verbatim. */
    static void write(Path file, String sopClass, String sopInstance, String transferSyntax, String sourceAet,
                      InputStream dataSet) throws IOException {
        ByteArrayOutputStream meta = new ByteArrayOutputStream();
        element(meta, 0x0001, "OB", new byte[] {0, 1});
        element(meta, 0x0002, "UI", uid(sopClass));
        element(meta, 0x0003, "UI", uid(sopInstance));
        element(meta, 0x0010, "UI", uid(transferSyntax));
        element(meta, 0x0012, "UI", uid("1.2.826.0.1.3680043.10.1137.99"));
        element(meta, 0x0016, "AE", text(sourceAet));
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(new byte[128]);
            out.write("DICM".getBytes(StandardCharsets.US_ASCII));
            ByteArrayOutputStream group = new ByteArrayOutputStream();
            element(group, 0x0000, "UL", ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(meta.size()).array());
            out.write(group.toByteArray());
            out.write(meta.toByteArray());
            dataSet.transferTo(out);
        }
    }

    /** The meta elements of a Part 10 file and where its data set starts. */
    static Meta read(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(64 * 1024);
        }
        ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        b.position(132);
        Map<Integer, String> values = new HashMap<>();
        long end = -1;
        while (b.remaining() >= 8) {
            int group = b.getShort() & 0xFFFF;
            int elem = b.getShort() & 0xFFFF;
            if (group != 2) {
                break;
            }
            String vr = new String(new byte[] {b.get(), b.get()}, StandardCharsets.US_ASCII);
            int len;
            if (vr.equals("OB") || vr.equals("UN") || vr.equals("SQ") || vr.equals("UT")) {
                b.getShort();
                len = b.getInt();
            } else {
                len = b.getShort() & 0xFFFF;
            }
            byte[] v = new byte[len];
            b.get(v);
            if (elem == 0) {
                end = b.position() + (ByteBuffer.wrap(v).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL);
            }
            values.put(elem, new String(v, StandardCharsets.US_ASCII).replace("\0", "").trim());
            if (end >= 0 && b.position() >= end) {
                break;
            }
        }
        return new Meta(values.get(0x0002), values.get(0x0003), values.get(0x0010), end);
    }

    private static byte[] uid(String uid) {
        byte[] raw = uid.getBytes(StandardCharsets.US_ASCII);
        byte[] v = new byte[raw.length + (raw.length & 1)];
        System.arraycopy(raw, 0, v, 0, raw.length);
        return v;
    }

    private static byte[] text(String s) {
        String t = s.length() % 2 == 0 ? s : s + " ";
        return t.getBytes(StandardCharsets.US_ASCII);
    }

    private static void element(ByteArrayOutputStream out, int elem, String vr, byte[] value) {
        ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 2).putShort((short) elem).put(vr.getBytes(StandardCharsets.US_ASCII));
        if (vr.equals("OB")) {
            b.putShort((short) 0).putInt(value.length);
        } else {
            b.putShort((short) value.length);
        }
        out.write(b.array(), 0, b.position());
        out.writeBytes(value);
    }
}
