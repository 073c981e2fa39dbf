package dev.custodian.interop.net;

import dev.custodian.net.ul.Association;
import dev.custodian.net.ul.DataSink;
import dev.custodian.net.ul.MessageListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only stand-in for the DIMSE layer: answers a C-ECHO-RQ (PS3.7 §9.3.5) with a hand-encoded
 * C-ECHO-RSP command set in implicit VR little endian, status Success.
 */
final class EchoResponder implements MessageListener {

    static final String VERIFICATION = "1.2.840.10008.1.1";

    final AtomicInteger echoes = new AtomicInteger();

    @Override
    public DataSink onCommand(Association association, int pc, byte[] command) throws IOException {
        int field = ushort(command, 0x0100);
        if (field != 0x0030) {
            throw new IOException(String.format("test responder only knows C-ECHO-RQ, got command field %04X", field));
        }
        association.send(pc, echoResponse(ushort(command, 0x0110)), null);
        echoes.incrementAndGet();
        return DataSink.NO_DATA_SET;
    }

    /** Value of a US element of group 0000 in an implicit VR LE command set; -1 if absent. */
    static int ushort(byte[] command, int element) {
        ByteBuffer b = ByteBuffer.wrap(command).order(ByteOrder.LITTLE_ENDIAN);
        while (b.remaining() >= 8) {
            int group = b.getShort() & 0xFFFF;
            int elem = b.getShort() & 0xFFFF;
            int len = b.getInt();
            if (group == 0 && elem == element && len == 2) {
                return b.getShort() & 0xFFFF;
            }
            b.position(b.position() + len);
        }
        return -1;
    }

    static byte[] echoResponse(int messageId) {
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        byte[] uid = (VERIFICATION + "\0").getBytes(StandardCharsets.US_ASCII); // even length
        element(rest, 0x0002, uid);
        element(rest, 0x0100, us(0x8030));
        element(rest, 0x0120, us(messageId));
        element(rest, 0x0800, us(0x0101));
        element(rest, 0x0900, us(0x0000));
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        element(all, 0x0000, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(rest.size()).array());
        all.writeBytes(rest.toByteArray());
        return all.toByteArray();
    }

    static byte[] echoRequest(int messageId) {
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        element(rest, 0x0002, (VERIFICATION + "\0").getBytes(StandardCharsets.US_ASCII));
        element(rest, 0x0100, us(0x0030));
        element(rest, 0x0110, us(messageId));
        element(rest, 0x0800, us(0x0101));
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        element(all, 0x0000, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(rest.size()).array());
        all.writeBytes(rest.toByteArray());
        return all.toByteArray();
    }

    private static byte[] us(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8)};
    }

    private static void element(ByteArrayOutputStream out, int element, byte[] value) {
        ByteBuffer h = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        h.putShort((short) 0).putShort((short) element).putInt(value.length);
        out.writeBytes(h.array());
        out.writeBytes(value);
    }
}
