package dev.custodian.dicom.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every text value of the pydicom character set corpus (fixture: charset-corpus.tsv). */
class SpecificCharacterSetCorpusTest {
    /** Files whose writer emits exactly the escape sequences this encoder does. */
    private static final Set<String> CANONICAL = Set.of("chrArab.dcm", "chrFren.dcm", "chrFrenMulti.dcm",
            "chrGerm.dcm", "chrGreek.dcm", "chrH31.dcm", "chrH32.dcm", "chrHbrw.dcm", "chrI2.dcm",
            "chrJapMulti.dcm", "chrJapMultiExplicitIR6.dcm", "chrRuss.dcm", "chrX1.dcm", "chrX2.dcm");

    record Sample(String file, String tag, VR vr, List<String> terms, byte[] bytes, String expected) {
        @Override
        public String toString() {
            return file + " (" + tag + ") " + String.join("\\", terms);
        }
    }

    static Stream<Sample> samples() throws IOException {
        List<Sample> list = new ArrayList<>();
        try (InputStream in = SpecificCharacterSetCorpusTest.class.getResourceAsStream("charset-corpus.tsv")) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t");
                list.add(new Sample(c[0], c[1], VR.of(c[2]), Arrays.asList(c[3].split("\\\\", -1)),
                        HexFormat.of().parseHex(c[4]), c[5]));
            }
        }
        return list.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void decodesAsExpected(Sample s) {
        SpecificCharacterSet cs = SpecificCharacterSet.of(s.terms());
        assertThat(cs.unsupportedTerms()).isEmpty();
        assertThat(cs.decode(s.bytes(), 0, s.bytes().length, s.vr())).isEqualTo(s.expected());
        // well-formed values read the same with or without the Person Name resets
        assertThat(cs.decode(s.bytes())).isEqualTo(s.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void encodesBack(Sample s) {
        SpecificCharacterSet cs = SpecificCharacterSet.of(s.terms());
        byte[] encoded = cs.encode(s.expected());
        assertThat(cs.decode(encoded, 0, encoded.length, s.vr())).isEqualTo(s.expected());
        if (CANONICAL.contains(s.file())) {
            assertThat(HexFormat.of().formatHex(encoded)).isEqualTo(HexFormat.of().formatHex(s.bytes()));
        }
    }

    @Test
    void corpusCoversEveryCharacterSetOfFileInfo() throws IOException {
        assertThat(samples().map(s -> String.join("\\", s.terms())).distinct()).containsExactlyInAnyOrder(
                "ISO_IR 100", "ISO_IR 126", "ISO_IR 127", "ISO_IR 138", "ISO_IR 144", "ISO_IR 192", "GB18030",
                "\\ISO 2022 IR 87", "ISO 2022 IR 6\\ISO 2022 IR 87", "ISO 2022 IR 13\\ISO 2022 IR 87",
                "\\ISO 2022 IR 149");
        assertThat(samples().map(Sample::file).distinct()).hasSize(17);
    }
}
