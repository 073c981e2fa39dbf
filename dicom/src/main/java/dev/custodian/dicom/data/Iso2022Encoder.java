package dev.custodian.dicom.data;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes text with ISO/IEC 2022 code extensions, PS3.5 §6.1.2.5: each character goes to the
 * active G0/G1 set if that set has it, else to the first declared code element that has it,
 * preceded by the escape sequence designating that element. Before every control character,
 * the value delimiter '\' and the Person Name delimiters '^' and '=' (harmless elsewhere), and at
 * the end of the value, the initial sets of value 1 are designated again (PS3.5 §6.1.2.5.3).
 * A character no declared element has becomes '?'.
 */
final class Iso2022Encoder {
    private final Iso2022CodeElement initialG0;
    private final Iso2022CodeElement initialG1;
    private final List<Iso2022CodeElement> declared;
    private final Map<Iso2022CodeElement, CharsetEncoder> encoders = new EnumMap<>(Iso2022CodeElement.class);
    private byte[] out;
    private int size;
    private Iso2022CodeElement g0;
    private Iso2022CodeElement g1;

    private Iso2022Encoder(Iso2022CodeElement initialG0, Iso2022CodeElement initialG1,
                           List<Iso2022CodeElement> declared, int capacity) {
        this.initialG0 = initialG0;
        this.initialG1 = initialG1;
        this.declared = declared;
        this.out = new byte[Math.max(16, capacity)];
        this.g0 = initialG0;
        this.g1 = initialG1;
    }

    static byte[] encode(String text, Iso2022CodeElement initialG0, Iso2022CodeElement initialG1,
                         List<Iso2022CodeElement> declared) {
        Iso2022Encoder e = new Iso2022Encoder(initialG0, initialG1, declared, text.length() * 2);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            e.character(cp);
            i += Character.charCount(cp);
        }
        e.reset();
        return Arrays.copyOf(e.out, e.size);
    }

    private void character(int cp) {
        if (cp < 0x80) {
            if (cp < 0x20 || cp == 0x7F || cp == '\\' || cp == '^' || cp == '=') {
                reset();
            } else if (g0.isMultiByte() || g0 == Iso2022CodeElement.JIS_ROMAN && cp == '~') {
                designate(initialG0 == Iso2022CodeElement.JIS_ROMAN && cp != '~'
                        ? Iso2022CodeElement.JIS_ROMAN : Iso2022CodeElement.ASCII);
            }
            write(cp);
            return;
        }
        if (g0.isMultiByte() && tryWrite(g0, cp) || g1 != null && tryWrite(g1, cp)) {
            return;
        }
        for (Iso2022CodeElement e : declared) {
            if (e != g0 && e != g1 && e != Iso2022CodeElement.ASCII && e != Iso2022CodeElement.JIS_ROMAN
                    && tryWrite(e, cp)) {
                return;
            }
        }
        character('?');
    }

    /** Writes {@code cp} in element {@code e} (designating it first) if {@code e} has it. */
    private boolean tryWrite(Iso2022CodeElement e, int cp) {
        byte[] bytes = bytesIn(e, cp);
        if (bytes == null) {
            return false;
        }
        designate(e);
        for (byte b : bytes) {
            write(b & 0xFF);
        }
        return true;
    }

    /** The bytes of {@code cp} as element {@code e} carries it (see Iso2022CodeElement), or null. */
    private byte[] bytesIn(Iso2022CodeElement e, int cp) {
        if (e == Iso2022CodeElement.JIS_KATAKANA) {
            return cp >= 0xFF61 && cp <= 0xFF9F ? new byte[] {(byte) (cp - 0xFF61 + 0xA1)} : null;
        }
        byte[] euc = encodeWith(e, cp);
        if (euc == null) {
            return null;
        }
        switch (e) {
            case JIS_X0208:
                return euc.length == 2 && (euc[0] & 0xFF) >= 0xA1
                        ? new byte[] {(byte) (euc[0] & 0x7F), (byte) (euc[1] & 0x7F)} : null;
            case JIS_X0212:
                return euc.length == 3 && (euc[0] & 0xFF) == 0x8F
                        ? new byte[] {(byte) (euc[1] & 0x7F), (byte) (euc[2] & 0x7F)} : null;
            default:
                return euc.length == e.width() && (euc[0] & 0xFF) >= 0xA0 ? euc : null;
        }
    }

    private byte[] encodeWith(Iso2022CodeElement e, int cp) {
        CharsetEncoder encoder = encoders.computeIfAbsent(e, k -> k.charset().newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
        try {
            ByteBuffer bb = encoder.reset().encode(CharBuffer.wrap(Character.toChars(cp)));
            byte[] bytes = new byte[bb.remaining()];
            bb.get(bytes);
            return bytes;
        } catch (CharacterCodingException ex) {
            return null;
        }
    }

    private void designate(Iso2022CodeElement e) {
        if (e.isG0() ? g0 == e : g1 == e) {
            return;
        }
        for (byte b : e.escapeSequence()) {
            write(b);
        }
        if (e.isG0()) {
            g0 = e;
        } else {
            g1 = e;
        }
    }

    /** Makes the sets of value 1 active again; a G1 with no initial set is simply forgotten. */
    private void reset() {
        designate(initialG0);
        if (initialG1 != null) {
            designate(initialG1);
        } else {
            g1 = null;
        }
    }

    private void write(int b) {
        if (size == out.length) {
            out = Arrays.copyOf(out, size * 2);
        }
        out[size++] = (byte) b;
    }
}
