package dev.custodian.dicom.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpecificCharacterSetTest {
    private static byte[] hex(String h) {
        return HexFormat.of().parseHex(h.replace(" ", ""));
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    /** ESC followed by the given ASCII text. */
    private static String esc(String s) {
        return "1b" + hex(s.getBytes(StandardCharsets.US_ASCII));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ISO_IR 100|52f66e7467656e6175666e61686d65|Röntgenaufnahme",
            "ISO_IR 101|a3f364bc|Łódź",
            "ISO_IR 109|f8|ĝ",
            "ISO_IR 110|e0|ā",
            "ISO_IR 148|fe|ş",
            "ISO_IR 203|a4|€",
            "ISO_IR 166|e4b7c2|ไทย",
            "ISO_IR 13|b1ddc5^41|ｱﾝﾅ^A",
            "GBK|cdf5|王",
            "ISO_IR 192|e78e8b|王",
            "iso-ir-100|e9|é"})
    void singleByteAndUnextendedSets(String term, String bytes, String text) {
        SpecificCharacterSet cs = SpecificCharacterSet.of(term);
        byte[] b = hex(bytes.replace("^", "5e"));
        assertThat(cs.decode(b)).isEqualTo(text);
        assertThat(hex(cs.encode(text))).isEqualTo(hex(b));
        assertThat(cs.isIso2022()).isFalse();
        assertThat(cs.unsupportedTerms()).isEmpty();
    }

    @Test
    void defaultRepertoireIsReadAsLatin1() {
        assertThat(SpecificCharacterSet.DEFAULT.decode(hex("4a e9 72"))).isEqualTo("Jér");
        assertThat(SpecificCharacterSet.DEFAULT.encode("Jér")).isEqualTo(hex("4a e9 72"));
        assertThat(SpecificCharacterSet.of("")).isEqualTo(SpecificCharacterSet.of(List.of("")));
        assertThat(SpecificCharacterSet.of("ISO_IR 6").decode(hex("41"))).isEqualTo("A");
        assertThat(SpecificCharacterSet.DEFAULT.encode("Ω")).isEqualTo(hex("3f"));
    }

    @Test
    void unknownTermsFallBackWithoutThrowing() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("ISO_IR 999");
        assertThat(cs.unsupportedTerms()).containsExactly("ISO_IR 999");
        assertThat(cs.decode(hex("e9"))).isEqualTo("é");
        SpecificCharacterSet multi = SpecificCharacterSet.of("ISO 2022 IR 100", "KLINGON ");
        assertThat(multi.unsupportedTerms()).containsExactly("KLINGON");
        assertThat(multi.decode(hex("e9"))).isEqualTo("é");
    }

    @Test
    void iso2022Flag() {
        assertThat(SpecificCharacterSet.of("", "ISO 2022 IR 87").isIso2022()).isTrue();
        assertThat(SpecificCharacterSet.of("ISO 2022 IR 100").isIso2022()).isTrue();
        assertThat(SpecificCharacterSet.of("ISO_IR 100").isIso2022()).isFalse();
        assertThat(SpecificCharacterSet.of("ISO_IR 192", "GB18030").isIso2022()).isFalse();
        assertThat(SpecificCharacterSet.DEFAULT.isIso2022()).isFalse();
    }

    @Test
    void simplifiedChineseIso2022Ir58() {
        // PS3.5 Annex K.2 style: GB 2312 designated to G1 before each ideographic component
        SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 58");
        String text = "Zhang^XiaoDong=张^小东=";
        byte[] expected = hex(hex("Zhang^XiaoDong=".getBytes(StandardCharsets.US_ASCII)) + esc("$)A") + "d5c5"
                + "5e" + esc("$)A") + "d0a1b6ab" + "3d");
        assertThat(hex(cs.encode(text))).isEqualTo(hex(expected));
        assertThat(cs.decode(expected, 0, expected.length, VR.PN)).isEqualTo(text);
    }

    @Test
    void supplementaryKanjiIso2022Ir159() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 87", "ISO 2022 IR 159");
        byte[] encoded = cs.encode("山丂");
        assertThat(hex(encoded)).isEqualTo(esc("$B") + "3b33" + esc("$(D") + "3021" + esc("(B"));
        assertThat(cs.decode(encoded)).isEqualTo("山丂");
    }

    @Test
    void koreanAsValue1NeedsNoEscape() {
        // seen in the wild: KS X 1001 in G1 from the start, no designation written
        SpecificCharacterSet cs = SpecificCharacterSet.of("ISO 2022 IR 149");
        assertThat(cs.decode(hex("4b696d5e b1e8c8f1c1df"), 0, 10, VR.PN)).isEqualTo("Kim^김희중");
        assertThat(hex(cs.encode("Kim^김희중"))).isEqualTo("4b696d5eb1e8c8f1c1df");
    }

    @Test
    void singleByteCodeExtensionsSwitchG1() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("ISO 2022 IR 100", "ISO 2022 IR 126");
        byte[] encoded = cs.encode("é Δ");
        assertThat(hex(encoded)).isEqualTo("e920" + esc("-F") + "c4" + esc("-A"));
        assertThat(cs.decode(encoded)).isEqualTo("é Δ");
        assertThat(SpecificCharacterSet.of("ISO 2022 IR 100").decode(hex(esc("-A") + "e9"))).isEqualTo("é");
    }

    @Test
    void controlCharactersRestoreTheInitialSet() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 87");
        // after LF, G0 is ASCII again although no ESC ( B was written
        assertThat(cs.decode(hex(esc("$B") + "3b33" + "0a" + "3b33"))).isEqualTo("山\n;3");
        assertThat(hex(cs.encode("山\n山"))).isEqualTo(
                esc("$B") + "3b33" + esc("(B") + "0a" + esc("$B") + "3b33" + esc("(B"));
    }

    @Test
    void personNameDelimitersRestoreTheInitialSetOnlyInPersonNames() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 149");
        byte[] b = hex(esc("$)C") + "c8ab" + "5e" + "c8ab");
        assertThat(cs.decode(b, 0, b.length, VR.LO)).isEqualTo("홍^홍");
        assertThat(cs.decode(b, 0, b.length, VR.PN)).isEqualTo("홍^È«");
    }

    @Test
    void byte5CInsideKanjiIsNotADelimiter() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 87");
        assertThat(cs.decode(hex(esc("$B") + "305c" + esc("(B") + "5c41"))).isEqualTo("移\\A");
        assertThat(hex(cs.encode("移\\A"))).isEqualTo(esc("$B") + "305c" + esc("(B") + "5c41");
    }

    @Test
    void malformedInputGivesReplacementCharacters() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 87", "ISO 2022 IR 149");
        assertThat(cs.decode(hex("41" + esc("(Z") + "42"))).isEqualTo("A\uFFFDB");
        assertThat(cs.decode(hex("41 1b 24"))).isEqualTo("A\uFFFD");
        assertThat(cs.decode(hex(esc("$B") + "3b"))).isEqualTo("\uFFFD");
        assertThat(cs.decode(hex(esc("$)C") + "c8 41"))).isEqualTo("\uFFFDA");
        assertThat(cs.decode(hex("e9"))).isEqualTo("é");
        assertThat(SpecificCharacterSet.of("ISO 2022 IR 13").decode(hex("e0"))).isEqualTo("\uFFFD");
    }

    @Test
    void charactersOutsideTheDeclaredSetsBecomeQuestionMarks() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 149");
        assertThat(new String(cs.encode("a\uD83D\uDE42b"), StandardCharsets.US_ASCII)).isEqualTo("a?b");
        assertThat(new String(cs.encode("a\uD800b"), StandardCharsets.US_ASCII)).isEqualTo("a?b");
    }

    @Test
    void tildeLeavesJisRoman() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("ISO 2022 IR 13", "ISO 2022 IR 87");
        byte[] encoded = cs.encode("ｱ~");
        assertThat(hex(encoded)).isEqualTo("b1" + esc("(B") + "7e" + esc("(J"));
        assertThat(cs.decode(encoded)).isEqualTo("ｱ~");
    }

    @Test
    void decodesASlice() {
        byte[] b = hex("00 41 e9 42 00");
        assertThat(SpecificCharacterSet.of("ISO_IR 100").decode(b, 1, 3)).isEqualTo("AéB");
        assertThat(SpecificCharacterSet.of("", "ISO 2022 IR 87").decode(b, 1, 3)).isEqualTo("AéB");
        assertThatThrownBy(() -> SpecificCharacterSet.DEFAULT.decode(b, 3, 3))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> SpecificCharacterSet.DEFAULT.decode(b, -1, 1))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void valueSemantics() {
        assertThat(SpecificCharacterSet.of("ISO_IR 100 ")).isEqualTo(SpecificCharacterSet.of("ISO_IR 100"));
        assertThat(SpecificCharacterSet.of("ISO_IR 100").hashCode())
                .isEqualTo(SpecificCharacterSet.of("ISO_IR 100").hashCode());
        assertThat(SpecificCharacterSet.of("ISO_IR 100")).isNotEqualTo(SpecificCharacterSet.of("ISO_IR 101"));
        assertThat(SpecificCharacterSet.of("", "ISO 2022 IR 87").terms()).containsExactly("", "ISO 2022 IR 87");
        assertThat(SpecificCharacterSet.of("", "ISO 2022 IR 87")).hasToString("\\ISO 2022 IR 87");
    }
}
