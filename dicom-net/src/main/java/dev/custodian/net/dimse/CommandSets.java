package dev.custodian.net.dimse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Command sets as bytes (PS3.7 §6.3.1): group 0000 elements in Implicit VR Little Endian,
 * ascending tag order, preceded by Command Group Length (0000,0000). Builder for writing, View
 * for reading typed values.
 */
final class CommandSets {
    private CommandSets() {
    }

    static Builder builder() {
        return new Builder();
    }

    static View parse(byte[] bytes) throws IOException {
        return new View(bytes);
    }

    /** Collects command elements; null values are left out. */
    static final class Builder {
        private final TreeMap<Integer, byte[]> values = new TreeMap<>();

        Builder us(int tag, int value) {
            values.put(tag, ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) value).array());
            return this;
        }

        Builder ui(int tag, String uid) {
            return text(tag, uid, (byte) 0);
        }

        Builder ae(int tag, String aet) {
            return text(tag, aet, (byte) ' ');
        }

        Builder lo(int tag, String text) {
            return text(tag, text, (byte) ' ');
        }

        Builder at(int tag, List<Integer> tags) {
            if (tags != null && !tags.isEmpty()) {
                ByteBuffer b = ByteBuffer.allocate(4 * tags.size()).order(ByteOrder.LITTLE_ENDIAN);
                for (int t : tags) {
                    b.putShort((short) (t >>> 16)).putShort((short) t);
                }
                values.put(tag, b.array());
            }
            return this;
        }

        private Builder text(int tag, String s, byte pad) {
            if (s != null) {
                byte[] raw = s.getBytes(StandardCharsets.US_ASCII);
                byte[] v = new byte[raw.length + (raw.length & 1)];
                System.arraycopy(raw, 0, v, 0, raw.length);
                if (v.length > raw.length) {
                    v[raw.length] = pad;
                }
                values.put(tag, v);
            }
            return this;
        }

        byte[] toBytes() {
            values.remove(0);
            int length = 0;
            for (byte[] v : values.values()) {
                length += 8 + v.length;
            }
            ByteBuffer out = ByteBuffer.allocate(12 + length).order(ByteOrder.LITTLE_ENDIAN);
            out.putInt(0).putInt(4).putInt(length);
            for (Map.Entry<Integer, byte[]> e : values.entrySet()) {
                out.putShort((short) (e.getKey() >>> 16)).putShort((short) (int) e.getKey());
                out.putInt(e.getValue().length).put(e.getValue());
            }
            return out.array();
        }
    }

    /** Typed read access to a parsed command set. */
    static final class View {
        private final Map<Integer, byte[]> values = new TreeMap<>();

        View(byte[] bytes) throws IOException {
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            while (b.hasRemaining()) {
                if (b.remaining() < 8) {
                    throw new IOException("truncated element header at offset " + b.position());
                }
                int tag = (b.getShort() & 0xFFFF) << 16 | (b.getShort() & 0xFFFF);
                long len = b.getInt() & 0xFFFFFFFFL;
                if (tag >>> 16 != 0) {
                    throw new IOException(String.format("element (%04X,%04X) outside group 0000 at offset %d",
                            tag >>> 16, tag & 0xFFFF, b.position() - 8));
                }
                if (len > b.remaining()) {
                    throw new IOException(String.format("(%04X,%04X) length %d exceeds the %d bytes left",
                            tag >>> 16, tag & 0xFFFF, len, b.remaining()));
                }
                byte[] v = new byte[(int) len];
                b.get(v);
                values.put(tag, v);
            }
        }

        Integer us(int tag) {
            byte[] v = values.get(tag);
            return v == null || v.length < 2 ? null : (v[0] & 0xFF) | (v[1] & 0xFF) << 8;
        }

        String string(int tag) {
            byte[] v = values.get(tag);
            if (v == null) {
                return null;
            }
            String s = new String(v, StandardCharsets.US_ASCII);
            int end = s.length();
            while (end > 0 && (s.charAt(end - 1) == 0 || s.charAt(end - 1) == ' ')) {
                end--;
            }
            int start = 0;
            while (start < end && s.charAt(start) == ' ') {
                start++;
            }
            return start == end ? null : s.substring(start, end);
        }

        List<Integer> at(int tag) {
            byte[] v = values.get(tag);
            if (v == null) {
                return null;
            }
            ByteBuffer b = ByteBuffer.wrap(v).order(ByteOrder.LITTLE_ENDIAN);
            List<Integer> tags = new ArrayList<>();
            while (b.remaining() >= 4) {
                tags.add((b.getShort() & 0xFFFF) << 16 | (b.getShort() & 0xFFFF));
            }
            return tags;
        }
    }
}
