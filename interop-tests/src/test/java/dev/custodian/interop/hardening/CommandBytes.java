package dev.custodian.interop.hardening;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Edits an encoded command set (group 0000, Implicit VR Little Endian, PS3.7 §6.3.1). */
final class CommandBytes {
    private CommandBytes() {
    }

    /** {@code command} without element (0000,{@code element}), its Command Group Length fixed. */
    static byte[] without(byte[] command, int element) {
        ByteBuffer in = ByteBuffer.wrap(command).order(ByteOrder.LITTLE_ENDIAN);
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        boolean removed = false;
        while (in.remaining() >= 8) {
            int start = in.position();
            in.getShort();
            int elem = in.getShort() & 0xFFFF;
            int length = in.getInt();
            in.position(in.position() + length);
            if (elem == element) {
                removed = true;
            } else if (elem != 0x0000) {
                rest.write(command, start, 8 + length);
            }
        }
        if (!removed) {
            throw new IllegalArgumentException(String.format("no (0000,%04X) in the command", element));
        }
        ByteBuffer group = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        group.putShort((short) 0).putShort((short) 0).putInt(4).putInt(rest.size());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(group.array());
        out.writeBytes(rest.toByteArray());
        return out.toByteArray();
    }
}
