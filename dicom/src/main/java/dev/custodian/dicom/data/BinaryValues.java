package dev.custodian.dicom.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Numbers in binary VRs (PS3.5 §6.2), read from and written to the little endian bytes that
 * {@link InlineBytes} holds. Pure functions.
 */
public final class BinaryValues {
    private BinaryValues() {
    }

    /** Number of whole values in {@code length} bytes of {@code vr}. */
    public static int count(VR vr, int length) {
        return vr.unitSize() == 0 ? 0 : length / vr.unitSize();
    }

    /** Value {@code i} as a long (unsigned for US, UL, UV; AT as the tag group<<16|element). */
    public static long longAt(byte[] b, VR vr, int i) {
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        return switch (vr) {
            case US, OW -> Short.toUnsignedLong(bb.getShort(i * 2));
            case SS -> bb.getShort(i * 2);
            case UL, OL -> Integer.toUnsignedLong(bb.getInt(i * 4));
            case SL -> bb.getInt(i * 4);
            case SV, UV, OV -> bb.getLong(i * 8);
            case AT -> ((long) Short.toUnsignedInt(bb.getShort(i * 4)) << 16) | Short.toUnsignedInt(bb.getShort(i * 4 + 2));
            case OB, UN -> Byte.toUnsignedLong(b[i]);
            case FL, OF -> (long) bb.getFloat(i * 4);
            case FD, OD -> (long) bb.getDouble(i * 8);
            default -> throw new IllegalArgumentException("VR " + vr + " is not a binary number");
        };
    }

    /** Value {@code i} as a double. */
    public static double doubleAt(byte[] b, VR vr, int i) {
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        return switch (vr) {
            case FL, OF -> bb.getFloat(i * 4);
            case FD, OD -> bb.getDouble(i * 8);
            case UV -> Double.parseDouble(Long.toUnsignedString(bb.getLong(i * 8)));
            default -> longAt(b, vr, i);
        };
    }

    /** Encodes integers in binary VR {@code vr} (US, SS, UL, SL, SV, UV, AT, OB, OW, OL, OV). */
    public static byte[] encodeLongs(VR vr, long... values) {
        int unit = vr.unitSize();
        if (vr.kind() != VR.Kind.BINARY || unit == 0) {
            throw new IllegalArgumentException("VR " + vr + " is not a binary number");
        }
        ByteBuffer bb = ByteBuffer.allocate(unit * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            switch (vr) {
                case OB, UN -> bb.put((byte) v);
                case US, SS, OW -> bb.putShort((short) v);
                case UL, SL, OL -> bb.putInt((int) v);
                case SV, UV, OV -> bb.putLong(v);
                case AT -> bb.putShort((short) (v >>> 16)).putShort((short) v);
                case FL, OF -> bb.putFloat(v);
                case FD, OD -> bb.putDouble(v);
                default -> throw new IllegalArgumentException("VR " + vr + " is not a binary number");
            }
        }
        return TextValues.pad(bb.array(), vr);
    }

    /** Encodes floating point numbers in FL, FD, OF or OD. */
    public static byte[] encodeDoubles(VR vr, double... values) {
        ByteBuffer bb = ByteBuffer.allocate(vr.unitSize() * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            switch (vr) {
                case FL, OF -> bb.putFloat((float) v);
                case FD, OD -> bb.putDouble(v);
                default -> throw new IllegalArgumentException("VR " + vr + " is not a floating point VR");
            }
        }
        return bb.array();
    }
}
