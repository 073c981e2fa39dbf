package dev.custodian.interop.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * Renders element values the way dcmdump prints them (so that our side can be compared with the
 * oracle's), turns a rendered value back into little-endian bytes (to compare an element whose
 * VR the two dictionaries disagree on, e.g. a private tag in Implicit VR), and compares rendered
 * values with the tolerance floating point printing needs.
 *
 * <p>Renderings (as DCMTK 3.6 prints them): text VRs without trailing padding (PS3.5 §6.2 says
 * trailing spaces, and NUL for UI, are padding, not value); US/SS/UL/SL/UV/SV/OL/OV as decimal;
 * FL/FD/OF/OD as decimal floating point; AT as {@code (gggg,eeee)}; OB/UN as hex bytes; OW as hex
 * 16-bit words; multiple values separated by a backslash.
 */
final class DumpValues {

    private DumpValues() {
    }

    static boolean isText(String vr) {
        return switch (vr) {
            case "AE", "AS", "CS", "DA", "DS", "DT", "IS", "LO", "LT", "PN", "SH", "ST", "TM", "UC", "UI",
                 "UR", "UT" -> true;
            default -> false;
        };
    }

    static boolean isHexBytes(String vr) {
        return vr.equals("OB") || vr.equals("UN") || vr.equals("??");
    }

    static boolean isFloat(String vr) {
        return switch (vr) {
            case "FL", "FD", "OF", "OD" -> true;
            default -> false;
        };
    }

    static String stripTextPadding(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\0')) {
            end--;
        }
        return text.substring(0, end);
    }

    /** Renders the raw value bytes of an element as dcmdump would, decoding text with {@code charset}. */
    static String render(String vr, byte[] value, ByteOrder order, Charset charset) {
        if (isText(vr)) {
            return stripTextPadding(new String(value, charset));
        }
        ByteBuffer buf = ByteBuffer.wrap(value).order(order);
        StringJoiner out = new StringJoiner("\\");
        switch (vr) {
            case "US" -> { while (buf.remaining() >= 2) out.add(Integer.toString(buf.getShort() & 0xFFFF)); }
            case "SS" -> { while (buf.remaining() >= 2) out.add(Short.toString(buf.getShort())); }
            case "UL", "OL" -> { while (buf.remaining() >= 4) out.add(Integer.toUnsignedString(buf.getInt())); }
            case "SL" -> { while (buf.remaining() >= 4) out.add(Integer.toString(buf.getInt())); }
            case "UV", "OV" -> { while (buf.remaining() >= 8) out.add(Long.toUnsignedString(buf.getLong())); }
            case "SV" -> { while (buf.remaining() >= 8) out.add(Long.toString(buf.getLong())); }
            case "FL", "OF" -> { while (buf.remaining() >= 4) out.add(Float.toString(buf.getFloat())); }
            case "FD", "OD" -> { while (buf.remaining() >= 8) out.add(Double.toString(buf.getDouble())); }
            case "AT" -> {
                while (buf.remaining() >= 4) {
                    out.add(String.format("(%04x,%04x)", buf.getShort() & 0xFFFF, buf.getShort() & 0xFFFF));
                }
            }
            case "OW" -> { while (buf.remaining() >= 2) out.add(String.format("%04x", buf.getShort() & 0xFFFF)); }
            default -> { while (buf.hasRemaining()) out.add(String.format("%02x", buf.get() & 0xFF)); }
        }
        return out.toString();
    }

    /** The little-endian bytes a rendered value stands for; text as ISO-8859-1 (raw dumps). */
    static byte[] toBytes(String vr, String rendered) {
        if (isText(vr)) {
            return rendered.getBytes(StandardCharsets.ISO_8859_1);
        }
        if (rendered.isEmpty()) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        for (String part : rendered.split("\\\\")) {
            buf.clear();
            switch (vr) {
                case "US", "SS" -> buf.putShort((short) Integer.parseInt(part));
                case "UL", "SL", "OL" -> buf.putInt((int) Long.parseLong(part));
                case "UV", "OV" -> buf.putLong(Long.parseUnsignedLong(part));
                case "SV" -> buf.putLong(Long.parseLong(part));
                case "FL", "OF" -> buf.putFloat((float) parseDouble(part));
                case "FD", "OD" -> buf.putDouble(parseDouble(part));
                case "AT" -> {
                    String[] gs = part.replaceAll("[() ]", "").split(",");
                    buf.putShort((short) Integer.parseInt(gs[0], 16)).putShort((short) Integer.parseInt(gs[1], 16));
                }
                case "OW" -> buf.putShort((short) Integer.parseInt(part, 16));
                default -> buf.put((byte) Integer.parseInt(part, 16));
            }
            out.write(buf.array(), 0, buf.position());
        }
        return out.toByteArray();
    }

    /** dcmdump prints "nan", "inf", "-inf"; Java wants "NaN", "Infinity". */
    static double parseDouble(String s) {
        return switch (s.trim()) {
            case "nan", "-nan", "NaN" -> Double.NaN;
            case "inf", "Infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s.trim());
        };
    }

    /**
     * True when two renderings of a value of {@code vr} mean the same value. Floating point values
     * are compared numerically: FL/OF as floats (DCMTK prints 9 significant digits, which
     * identifies a float exactly), FD/OD within a relative 1e-15 (DCMTK's printing of doubles is
     * not always the shortest round-trip form, e.g. 1e300 prints as 1.0000000000000007e+300).
     */
    static boolean sameValue(String vr, String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (isHexBytes(vr)) {
            // DCMTK pads an odd-length binary value with a NUL in memory and prints it padded.
            return a.equals(b + "\\00") && b.split("\\\\").length % 2 == 1
                    || b.equals(a + "\\00") && a.split("\\\\").length % 2 == 1;
        }
        if (!isFloat(vr)) {
            return false;
        }
        String[] as = a.split("\\\\");
        String[] bs = b.split("\\\\");
        if (as.length != bs.length) {
            return false;
        }
        for (int i = 0; i < as.length; i++) {
            double x = parseDouble(as[i]);
            double y = parseDouble(bs[i]);
            // == makes -0 equal 0: DCMTK prints negative zero as "0".
            boolean same = Double.isNaN(x) && Double.isNaN(y) || (vr.equals("FL") || vr.equals("OF")
                    ? (float) x == (float) y
                    : x == y || Math.abs(x - y) <= 1e-15 * Math.max(Math.abs(x), Math.abs(y)));
            if (!same) {
                return false;
            }
        }
        return true;
    }
}
