package dev.custodian.interop.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Encodes dumped sequence items in Implicit VR Little Endian with defined lengths (PS3.5 §7.5),
 * so that a sequence one side parsed can be compared with the UN bytes of the other side, whose
 * dictionary did not know the (private) tag was a sequence.
 */
final class ImplicitEncoding {

    private ImplicitEncoding() {
    }

    static byte[] items(List<List<DumpElement>> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (List<DumpElement> item : items) {
            byte[] body = elements(item);
            header(out, 0xFFFEE000, body.length);
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    private static byte[] elements(List<DumpElement> elements) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (DumpElement e : elements) {
            byte[] value = e.isSequence() ? items(e.items()) : DumpValues.toBytes(e.vr(), e.value());
            boolean odd = value.length % 2 != 0;
            header(out, e.tag(), value.length + (odd ? 1 : 0));
            out.writeBytes(value);
            if (odd) {
                out.write(DumpValues.isText(e.vr()) && !e.vr().equals("UI") ? ' ' : 0);
            }
        }
        return out.toByteArray();
    }

    private static void header(ByteArrayOutputStream out, int tag, int length) {
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) (tag >>> 16)).putShort((short) tag).putInt(length).array());
    }
}
