package dev.custodian.dicom.data;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Round trips through the ISO 2022 encoder and decoder with mixed scripts. */
class SpecificCharacterSetPropertiesTest {
    private static final String JAPANESE = "Yamada^Tarou= 0123456789ｱｲｳｴｵﾔﾏﾀﾞﾛ山田太郎やまだたろう丂移漢字カタカナ";
    private static final String KOREAN = "Hong^Gildong= 김희중홍길동洪吉洞가나다";
    private static final String EUROPEAN = "Abc^=éüßΔιονυσιοςЛюкшעבריתé";

    @Provide
    Arbitrary<String> japanese() {
        return Arbitraries.of(JAPANESE.chars().mapToObj(c -> (char) c).toArray(Character[]::new))
                .list().ofMaxSize(40).map(SpecificCharacterSetPropertiesTest::join);
    }

    @Provide
    Arbitrary<String> korean() {
        return Arbitraries.of(KOREAN.chars().mapToObj(c -> (char) c).toArray(Character[]::new))
                .list().ofMaxSize(40).map(SpecificCharacterSetPropertiesTest::join);
    }

    @Provide
    Arbitrary<String> european() {
        return Arbitraries.of(EUROPEAN.chars().mapToObj(c -> (char) c).toArray(Character[]::new))
                .list().ofMaxSize(40).map(SpecificCharacterSetPropertiesTest::join);
    }

    private static String join(java.util.List<Character> chars) {
        StringBuilder sb = new StringBuilder();
        chars.forEach(sb::append);
        return sb.toString();
    }

    @Property(tries = 300)
    void japaneseRoundTrip(@ForAll("japanese") String text) {
        SpecificCharacterSet cs = SpecificCharacterSet.of("ISO 2022 IR 13", "ISO 2022 IR 87", "ISO 2022 IR 159");
        byte[] b = cs.encode(text);
        assertThat(cs.decode(b, 0, b.length, VR.PN)).isEqualTo(text);
        assertThat(cs.decode(b, 0, b.length, VR.LO)).isEqualTo(text);
    }

    @Property(tries = 300)
    void koreanRoundTrip(@ForAll("korean") String text) {
        SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 149");
        byte[] b = cs.encode(text);
        assertThat(cs.decode(b, 0, b.length, VR.PN)).isEqualTo(text);
        assertThat(cs.decode(b, 0, b.length, VR.LT)).isEqualTo(text);
    }

    @Property(tries = 300)
    void europeanRoundTrip(@ForAll("european") String text) {
        SpecificCharacterSet cs = SpecificCharacterSet.of("ISO 2022 IR 100", "ISO 2022 IR 126",
                "ISO 2022 IR 144", "ISO 2022 IR 138");
        byte[] b = cs.encode(text);
        assertThat(cs.decode(b, 0, b.length, VR.PN)).isEqualTo(text);
    }

    @Property(tries = 500)
    void decodingArbitraryBytesNeverFails(@ForAll byte[] bytes) {
        SpecificCharacterSet cs = SpecificCharacterSet.of("ISO 2022 IR 13", "ISO 2022 IR 87", "ISO 2022 IR 159",
                "ISO 2022 IR 149", "ISO 2022 IR 58", "ISO 2022 IR 100");
        assertThat(cs.decode(bytes, 0, bytes.length, VR.PN)).isNotNull();
    }
}
