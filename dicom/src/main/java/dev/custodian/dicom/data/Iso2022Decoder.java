package dev.custodian.dicom.data;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a text value that uses ISO/IEC 2022 code extensions, PS3.5 §6.1.2.5: escape sequences
 * anywhere in the value designate a new G0 or G1 set; bytes 21-7E are read in G0, bytes A0-FF
 * in G1. The initial sets (those of value 1 of Specific Character Set) are active again after
 * every control character (CR, LF, FF, TAB, ...), after the value delimiter '\' and, in Person
 * Names, after the component group and component delimiters '=' and '^' (PS3.5 §6.1.2.5.3).
 * A delimiter byte counts only where it is a single-byte character (a byte 05/12 inside a
 * two-byte Kanji is not a delimiter, PS3.5 §6.1.2.3).
 *
 * <p>Never throws: malformed pairs and unknown escape sequences give U+FFFD; bytes A0-FF with no
 * G1 set designated are read as ISO 8859-1.
 */
final class Iso2022Decoder {
    private static final byte ESC = 0x1B;
    private static final char REPLACEMENT = '\uFFFD';

    private final byte[] in;
    private final int end;
    private final Iso2022CodeElement initialG0;
    private final Iso2022CodeElement initialG1;
    private final boolean personName;
    private final StringBuilder out;
    /** Bytes not yet decoded, all for {@link #pendingCharset}. */
    private final byte[] pending;
    private int pendingLength;
    private Charset pendingCharset;
    private Iso2022CodeElement g0;
    private Iso2022CodeElement g1;

    private Iso2022Decoder(byte[] in, int offset, int length, Iso2022CodeElement initialG0,
                           Iso2022CodeElement initialG1, boolean personName) {
        this.in = in;
        this.end = offset + length;
        this.initialG0 = initialG0;
        this.initialG1 = initialG1;
        this.personName = personName;
        this.out = new StringBuilder(length);
        this.pending = new byte[length + length / 2 + 1];
        this.g0 = initialG0;
        this.g1 = initialG1;
    }

    static String decode(byte[] in, int offset, int length, Iso2022CodeElement initialG0,
                         Iso2022CodeElement initialG1, boolean personName) {
        return new Iso2022Decoder(in, offset, length, initialG0, initialG1, personName).run(offset);
    }

    private String run(int start) {
        int i = start;
        while (i < end) {
            int b = in[i] & 0xFF;
            if (b == ESC) {
                i = escape(i);
            } else if (b < 0x80) {
                i = low(i, b);
            } else {
                i = high(i, b);
            }
        }
        flush();
        return out.toString();
    }

    /** A byte 00-7F: a control character, a G0 graphic character, or the first of a G0 pair. */
    private int low(int i, int b) {
        if (g0.isMultiByte() && b > 0x20 && b < 0x7F) {
            int next = i + 1 < end ? in[i + 1] & 0xFF : -1;
            if (next <= 0x20 || next >= 0x7F) {
                replacement();
                return i + 1;
            }
            if (g0 == Iso2022CodeElement.JIS_X0212) {
                put(g0.charset(), 0x8F);
            }
            put(g0.charset(), b | 0x80);
            put(g0.charset(), next | 0x80);
            return i + 2;
        }
        putAscii(b);
        if (b < 0x20 || b == 0x7F || b == '\\' || personName && (b == '^' || b == '=')) {
            g0 = initialG0;
            g1 = initialG1;
        }
        return i + 1;
    }

    /** A byte 80-FF: a G1 character or the first of a G1 pair. */
    private int high(int i, int b) {
        if (g1 == null) {
            put(StandardCharsets.ISO_8859_1, b);
            return i + 1;
        }
        if (g1 == Iso2022CodeElement.JIS_KATAKANA) {
            flush();
            out.append(b >= 0xA1 && b <= 0xDF ? (char) (b - 0xA1 + 0xFF61) : REPLACEMENT);
            return i + 1;
        }
        if (g1.isMultiByte()) {
            int next = i + 1 < end ? in[i + 1] & 0xFF : -1;
            if (b < 0xA1 || b == 0xFF || next < 0xA1 || next == 0xFF) {
                replacement();
                return i + 1;
            }
            put(g1.charset(), b);
            put(g1.charset(), next);
            return i + 2;
        }
        put(g1.charset(), b);
        return i + 1;
    }

    /** ESC, intermediate bytes 20-2F, a final byte 30-7E (ISO/IEC 2022 §13). */
    private int escape(int i) {
        int j = i + 1;
        while (j < end && (in[j] & 0xFF) >= 0x20 && (in[j] & 0xFF) <= 0x2F) {
            j++;
        }
        if (j >= end || (in[j] & 0xFF) < 0x30 || (in[j] & 0xFF) > 0x7E) {
            replacement();
            return j;
        }
        Iso2022CodeElement e = Iso2022CodeElement.byEscape(
                new String(in, i + 1, j - i, StandardCharsets.ISO_8859_1));
        if (e == null) {
            replacement();
        } else if (e.isG0()) {
            g0 = e;
        } else {
            g1 = e;
        }
        return j + 1;
    }

    private void putAscii(int b) {
        // Every pending charset here is ASCII-compatible for single bytes 00-7F.
        put(pendingCharset == null ? StandardCharsets.ISO_8859_1 : pendingCharset, b);
    }

    private void put(Charset charset, int b) {
        if (charset != pendingCharset) {
            flush();
            pendingCharset = charset;
        }
        pending[pendingLength++] = (byte) b;
    }

    private void replacement() {
        flush();
        out.append(REPLACEMENT);
    }

    private void flush() {
        if (pendingLength > 0) {
            out.append(new String(pending, 0, pendingLength, pendingCharset));
            pendingLength = 0;
        }
    }
}
