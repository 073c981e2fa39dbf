package dev.custodian.dicom.data;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The code elements DICOM uses with ISO/IEC 2022 code extensions, PS3.5 §6.1.2.5 (tables 6.1-2
 * and 6.2-1): the graphic set, the register it is designated to (G0 or G1), its escape sequence
 * (without the leading ESC) and the JDK charset whose byte layout carries it.
 *
 * <p>Multi-byte 94×94 sets are handled through their EUC form: JIS X 0208 bytes {@code b}
 * become {@code b | 0x80} in EUC-JP, JIS X 0212 bytes are prefixed with SS3 (0x8F) in EUC-JP,
 * and KS X 1001 / GB 2312 in G1 already are their EUC-KR / GB2312 (EUC-CN) bytes.
 */
enum Iso2022CodeElement {
    /** ISO-IR 6, ASCII: the default G0. */
    ASCII(true, "(B", StandardCharsets.ISO_8859_1, 1),
    /**
     * ISO-IR 14, JIS X 0201 Romaji: G0 of ISO 2022 IR 13. It differs from ASCII only at 05/12
     * (YEN SIGN) and 07/14 (OVERLINE); it is decoded as ASCII so that 05/12 stays the value
     * delimiter '\', which PS3.5 §6.1.2.3 says it is "regardless of what glyph is used".
     */
    JIS_ROMAN(true, "(J", StandardCharsets.ISO_8859_1, 1),
    /** ISO-IR 13, JIS X 0201 Katakana in G1: bytes A1-DF are U+FF61-U+FF9F. */
    JIS_KATAKANA(false, ")I", null, 1),
    LATIN1(false, "-A", "ISO-8859-1"),
    LATIN2(false, "-B", "ISO-8859-2"),
    LATIN3(false, "-C", "ISO-8859-3"),
    LATIN4(false, "-D", "ISO-8859-4"),
    CYRILLIC(false, "-L", "ISO-8859-5"),
    ARABIC(false, "-G", "ISO-8859-6"),
    GREEK(false, "-F", "ISO-8859-7"),
    HEBREW(false, "-H", "ISO-8859-8"),
    LATIN5(false, "-M", "ISO-8859-9"),
    LATIN9(false, "-b", "ISO-8859-15"),
    /** ISO-IR 166, TIS 620-2533 (ISO 8859-11 also maps A0 to NO-BREAK SPACE). */
    THAI(false, "-T", "x-iso-8859-11"),
    /** ISO-IR 87, JIS X 0208 Kanji, G0, two bytes 21-7E each. */
    JIS_X0208(true, "$B", Charset.forName("EUC-JP"), 2),
    /** ISO-IR 159, JIS X 0212 supplementary Kanji, G0, two bytes 21-7E each. */
    JIS_X0212(true, "$(D", Charset.forName("EUC-JP"), 2),
    /** ISO-IR 149, KS X 1001 Hangul and Hanja, G1, two bytes A1-FE each. */
    KS_X1001(false, "$)C", Charset.forName("EUC-KR"), 2),
    /** ISO-IR 58, GB 2312 simplified Chinese, G1, two bytes A1-FE each. */
    GB2312(false, "$)A", Charset.forName("GB2312"), 2);

    private static final Map<String, Iso2022CodeElement> BY_ESCAPE = new HashMap<>();

    static {
        for (Iso2022CodeElement e : values()) {
            BY_ESCAPE.put(e.escape, e);
        }
        // JIS C 6226-1978, the predecessor of JIS X 0208, still written by old equipment.
        BY_ESCAPE.put("$@", JIS_X0208);
    }

    private final boolean g0;
    private final String escape;
    private final Charset charset;
    private final int width;

    Iso2022CodeElement(boolean g0, String escape, String charset) {
        this(g0, escape, Charset.forName(charset), 1);
    }

    Iso2022CodeElement(boolean g0, String escape, Charset charset, int width) {
        this.g0 = g0;
        this.escape = escape;
        this.charset = charset;
        this.width = width;
    }

    /** The element designated by escape sequence {@code escape} (bytes after ESC), or null. */
    static Iso2022CodeElement byEscape(String escape) {
        return BY_ESCAPE.get(escape);
    }

    /** True when designated to G0 (bytes 21-7E), false for G1 (bytes A0-FF). */
    boolean isG0() {
        return g0;
    }

    /** Bytes per character: 1 or 2. */
    int width() {
        return width;
    }

    boolean isMultiByte() {
        return width == 2;
    }

    /** The JDK charset carrying this set (see class comment); null for JIS X 0201 Katakana. */
    Charset charset() {
        return charset;
    }

    /** The escape sequence designating this element, ESC included. */
    byte[] escapeSequence() {
        byte[] seq = new byte[escape.length() + 1];
        seq[0] = 0x1B;
        for (int i = 0; i < escape.length(); i++) {
            seq[i + 1] = (byte) escape.charAt(i);
        }
        return seq;
    }
}
