package dev.custodian.dicom.data;

import static dev.custodian.dicom.data.Iso2022CodeElement.ASCII;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The character repertoire(s) named by Specific Character Set (0008,0005), PS3.3 §C.12.1.1.2 and
 * PS3.5 §6.1: decodes and encodes the values of SH, LO, ST, LT, UC, UT and PN.
 *
 * <p>Supported defined terms: the default repertoire (empty value 1, ISO_IR 6); ISO_IR 100, 101,
 * 109, 110, 144, 127, 126, 138, 148, 203, 13, 166; ISO_IR 192 (UTF-8), GB18030, GBK; and with
 * code extensions (PS3.5 §6.1.2.5) ISO 2022 IR 6, 100, 101, 109, 110, 144, 127, 126, 138, 148,
 * 203, 13, 166, 87 (JIS X 0208), 159 (JIS X 0212), 149 (KS X 1001) and 58 (GB 2312).
 *
 * <p>Leniency, for what real archives receive: the default repertoire is read and written as
 * ISO 8859-1, so that bytes above 7F in files without (0008,0005) survive unchanged; terms are
 * matched ignoring case and treating '-' and '_' like spaces; an unknown term is reported by
 * {@link #unsupportedTerms()} and otherwise ignored (an unknown value 1 means the default
 * repertoire) — never an exception. Characters the repertoire lacks encode as '?'.
 *
 * <p>Multi-valued text must be decoded as a whole and split on '\' afterwards: only a single-byte
 * 05/12 is the value delimiter (PS3.5 §6.1.2.3); GB18030, GBK and ISO 2022 Kanji may contain the
 * byte 05/12 inside a character, and the decoders here never turn such a byte into '\'.
 *
 * <p>The code tables are the JDK's (module jdk.charsets: EUC-JP, EUC-KR, GB2312, GBK, GB18030,
 * ISO 8859-x). Immutable and thread-safe.
 */
public final class SpecificCharacterSet {
    private static final Map<String, Term> TERMS = definedTerms();

    /** The default character repertoire, ISO-IR 6 (read leniently as ISO 8859-1). */
    public static final SpecificCharacterSet DEFAULT = of(List.of());

    private final List<String> terms;
    private final List<String> unsupported;
    /** Charset used directly, when no code extension machinery is needed; else null. */
    private final Charset direct;
    private final boolean iso2022;
    private final Iso2022CodeElement initialG0;
    private final Iso2022CodeElement initialG1;
    private final List<Iso2022CodeElement> declared;

    private SpecificCharacterSet(List<String> terms, List<String> unsupported, Charset direct, boolean iso2022,
                                 Iso2022CodeElement initialG0, Iso2022CodeElement initialG1,
                                 List<Iso2022CodeElement> declared) {
        this.terms = terms;
        this.unsupported = unsupported;
        this.direct = direct;
        this.iso2022 = iso2022;
        this.initialG0 = initialG0;
        this.initialG1 = initialG1;
        this.declared = declared;
    }

    /** The character set named by {@code definedTerms} (0008,0005), value 1 first. */
    public static SpecificCharacterSet of(String... definedTerms) {
        return of(Arrays.asList(definedTerms));
    }

    /**
     * The character set named by the values of Specific Character Set (0008,0005). An empty
     * list, or an empty first value, means the default repertoire for value 1 (PS3.5 §6.1.2.5.1).
     */
    public static SpecificCharacterSet of(List<String> definedTerms) {
        List<String> given = new ArrayList<>(definedTerms.size());
        for (String t : definedTerms) {
            given.add(t == null ? "" : t.strip());
        }
        List<String> unsupported = new ArrayList<>();
        List<Term> known = new ArrayList<>();
        for (String t : given) {
            Term term = TERMS.get(normalize(t));
            if (term == null) {
                unsupported.add(t);
            }
            known.add(term);
        }
        Term first = known.isEmpty() || known.get(0) == null ? TERMS.get("") : known.get(0);
        if (first.elements.isEmpty() || given.size() <= 1 && !first.iso2022 && !first.needsEngine()) {
            // No code extensions: UTF-8, GB18030, GBK (other values are ignored), or one single-byte set.
            return new SpecificCharacterSet(List.copyOf(given), List.copyOf(unsupported), first.charset,
                    false, null, null, List.of());
        }
        List<Iso2022CodeElement> declared = new ArrayList<>();
        boolean iso2022 = given.size() > 1;
        for (Term t : known) {
            if (t != null) {
                iso2022 |= t.iso2022;
                t.elements.stream().filter(e -> !declared.contains(e)).forEach(declared::add);
            }
        }
        Iso2022CodeElement g0 = first.elements.stream().filter(e -> e.isG0() && !e.isMultiByte())
                .findFirst().orElse(ASCII);
        Iso2022CodeElement g1 = first.elements.stream().filter(e -> !e.isG0()).findFirst().orElse(null);
        return new SpecificCharacterSet(List.copyOf(given), List.copyOf(unsupported), null, iso2022, g0, g1,
                List.copyOf(declared));
    }

    /** The defined terms as given (stripped of padding), value 1 first. */
    public List<String> terms() {
        return terms;
    }

    /** The given terms this implementation does not know; they are ignored. */
    public List<String> unsupportedTerms() {
        return unsupported;
    }

    /** True when values may contain ISO 2022 escape sequences (a multi-valued or ISO 2022 term). */
    public boolean isIso2022() {
        return iso2022;
    }

    /** Decodes a whole value (of any VR but PN; see {@link #decode(byte[], int, int, VR)}). */
    public String decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /** Decodes {@code length} bytes from {@code offset}, treating '^' and '=' as ordinary characters. */
    public String decode(byte[] bytes, int offset, int length) {
        return decode(bytes, offset, length, false);
    }

    /**
     * Decodes a value of VR {@code vr}: for PN the ISO 2022 initial sets are active again after the
     * component delimiters '^' and '=' (PS3.5 §6.1.2.5.3).
     */
    public String decode(byte[] bytes, int offset, int length, VR vr) {
        return decode(bytes, offset, length, vr == VR.PN);
    }

    private String decode(byte[] bytes, int offset, int length, boolean personName) {
        if (offset < 0 || length < 0 || offset > bytes.length - length) {
            throw new IndexOutOfBoundsException(
                    "offset " + offset + " length " + length + " in " + bytes.length + " bytes");
        }
        if (direct != null) {
            return new String(bytes, offset, length, direct);
        }
        return Iso2022Decoder.decode(bytes, offset, length, initialG0, initialG1, personName);
    }

    /** Encodes {@code text}; with ISO 2022 sets, emits the escape sequences needed. */
    public byte[] encode(String text) {
        if (direct != null) {
            return text.getBytes(direct);
        }
        return Iso2022Encoder.encode(text, initialG0, initialG1, declared);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpecificCharacterSet s && terms.equals(s.terms);
    }

    @Override
    public int hashCode() {
        return terms.hashCode();
    }

    @Override
    public String toString() {
        return terms.isEmpty() ? "ISO_IR 6 (default)" : String.join("\\", terms);
    }

    private static String normalize(String term) {
        return term.toUpperCase(Locale.ROOT).replace('_', ' ').replace('-', ' ').replaceAll(" +", " ").strip();
    }

    /** What one defined term means: a charset used as is, and/or ISO 2022 code elements. */
    private record Term(Charset charset, boolean iso2022, List<Iso2022CodeElement> elements) {
        /** ISO_IR 13 alone still needs the G0/G1 machinery for its Katakana half. */
        boolean needsEngine() {
            return charset == null;
        }
    }

    private static Map<String, Term> definedTerms() {
        Map<String, Term> m = new HashMap<>();
        Charset latin1 = StandardCharsets.ISO_8859_1;
        m.put("", new Term(latin1, false, List.of(ASCII)));
        m.put("ISO IR 6", new Term(latin1, false, List.of(ASCII)));
        m.put("ISO 2022 IR 6", new Term(latin1, true, List.of(ASCII)));
        singleByte(m, "100", Iso2022CodeElement.LATIN1);
        singleByte(m, "101", Iso2022CodeElement.LATIN2);
        singleByte(m, "109", Iso2022CodeElement.LATIN3);
        singleByte(m, "110", Iso2022CodeElement.LATIN4);
        singleByte(m, "144", Iso2022CodeElement.CYRILLIC);
        singleByte(m, "127", Iso2022CodeElement.ARABIC);
        singleByte(m, "126", Iso2022CodeElement.GREEK);
        singleByte(m, "138", Iso2022CodeElement.HEBREW);
        singleByte(m, "148", Iso2022CodeElement.LATIN5);
        singleByte(m, "203", Iso2022CodeElement.LATIN9);
        singleByte(m, "166", Iso2022CodeElement.THAI);
        List<Iso2022CodeElement> jis = List.of(Iso2022CodeElement.JIS_ROMAN, Iso2022CodeElement.JIS_KATAKANA);
        m.put("ISO IR 13", new Term(null, false, jis));
        m.put("ISO 2022 IR 13", new Term(null, true, jis));
        m.put("ISO 2022 IR 87", new Term(null, true, List.of(Iso2022CodeElement.JIS_X0208)));
        m.put("ISO 2022 IR 159", new Term(null, true, List.of(Iso2022CodeElement.JIS_X0212)));
        m.put("ISO 2022 IR 149", new Term(null, true, List.of(Iso2022CodeElement.KS_X1001)));
        m.put("ISO 2022 IR 58", new Term(null, true, List.of(Iso2022CodeElement.GB2312)));
        m.put("ISO IR 192", new Term(StandardCharsets.UTF_8, false, List.of()));
        m.put("GB18030", new Term(Charset.forName("GB18030"), false, List.of()));
        m.put("GBK", new Term(Charset.forName("GBK"), false, List.of()));
        return Map.copyOf(m);
    }

    private static void singleByte(Map<String, Term> m, String ir, Iso2022CodeElement g1) {
        m.put("ISO IR " + ir, new Term(g1.charset(), false, List.of(ASCII, g1)));
        m.put("ISO 2022 IR " + ir, new Term(g1.charset(), true, List.of(ASCII, g1)));
    }
}
