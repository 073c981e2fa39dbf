package dev.custodian.interop.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.dicom.data.SpecificCharacterSet;
import dev.custodian.dicom.data.VR;
import dev.custodian.interop.support.Tools;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The character-set files of the corpus decode to the right names (PS3.5 §6.1, Annex H/I/J):
 * the raw bytes of Patient's Name are the ones charset_files/FileInfo.txt lists, and our
 * decoding gives the person's name as Unicode.
 */
class CharsetIT {

    /** Decoded Patient's Name per file (the names FileInfo.txt lists, as characters). */
    static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("chrArab.dcm", "\u0642\u0628\u0627\u0646\u064a^\u0644\u0646\u0632\u0627\u0631");
        NAMES.put("chrFren.dcm", "Buc^J\u00e9r\u00f4me");
        NAMES.put("chrFrenMulti.dcm", "Buc^J\u00e9r\u00f4me");
        NAMES.put("chrGerm.dcm", "\u00c4neas^R\u00fcdiger");
        NAMES.put("chrGreek.dcm", "\u0394\u03b9\u03bf\u03bd\u03c5\u03c3\u03b9\u03bf\u03c2");
        NAMES.put("chrH31.dcm", "Yamada^Tarou=\u5c71\u7530^\u592a\u90ce=\u3084\u307e\u3060^\u305f\u308d\u3046");
        NAMES.put("chrH32.dcm", "\uff94\uff8f\uff80\uff9e^\uff80\uff9b\uff73=\u5c71\u7530^\u592a\u90ce="
                + "\u3084\u307e\u3060^\u305f\u308d\u3046");
        NAMES.put("chrHbrw.dcm", "\u05e9\u05e8\u05d5\u05df^\u05d3\u05d1\u05d5\u05e8\u05d4");
        NAMES.put("chrI2.dcm", "Hong^Gildong=\u6d2a^\u5409\u6d1e=\ud64d^\uae38\ub3d9");
        NAMES.put("chrRuss.dcm", "\u041b\u044e\u043a\u0063\u0065\u043c\u0431\u0079\u0070\u0433");
        NAMES.put("chrX1.dcm", "Wang^XiaoDong=\u738b^\u5c0f\u6771=");
        NAMES.put("chrX2.dcm", "Wang^XiaoDong=\u738b^\u5c0f\u4e1c=");
        // Not in FileInfo.txt, same decoding rules:
        NAMES.put("chrJapMulti.dcm", "\u3084\u307e\u3060^\u305f\u308d\u3046");
        NAMES.put("chrJapMultiExplicitIR6.dcm", "\u3084\u307e\u3060^\u305f\u308d\u3046");
        NAMES.put("chrKoreanMulti.dcm", "\uae40\ud76c\uc911");
    }

    static Stream<Arguments> names() {
        return NAMES.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    /** Patient's Name bytes as dcmdump shows them (raw), decoded by our SpecificCharacterSet. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void specificCharacterSetDecodesTheRawBytes(String file, String expected) {
        DcmdumpOutput dump = rawDump(file);
        SpecificCharacterSet charset = charsetOf(dump.dataSet());
        assertThat(charset.unsupportedTerms()).isEmpty();
        byte[] raw = value(dump.dataSet(), 0x00100010).getBytes(StandardCharsets.ISO_8859_1);
        assertThat(charset.decode(raw, 0, raw.length, VR.PN)).isEqualTo(expected);
        // And back: encoding the name and decoding it again gives the name.
        byte[] encoded = charset.encode(expected);
        assertThat(charset.decode(encoded, 0, encoded.length, VR.PN)).isEqualTo(expected);
    }

    @Test
    void fileInfoListsTheBytesDcmdumpShows() throws Exception {
        Map<String, byte[]> listed = fileInfo();
        assertThat(listed).hasSize(12);
        for (Map.Entry<String, byte[]> e : listed.entrySet()) {
            byte[] raw = value(rawDump(e.getKey()).dataSet(), 0x00100010).getBytes(StandardCharsets.ISO_8859_1);
            assertThat(raw).as(e.getKey()).isEqualTo(e.getValue());
            assertThat(NAMES).containsKey(e.getKey());
        }
    }

    @Test
    void itemCharacterSetReplacesTheDataSetOne() {
        String name = "\uff94\uff8f\uff80\uff9e^\uff80\uff9b\uff73=\u5c71\u7530^\u592a\u90ce="
                + "\u3084\u307e\u3060^\u305f\u308d\u3046";
        for (String file : List.of("chrSQEncoding.dcm", "chrSQEncoding1.dcm")) {
            List<DumpElement> ds = rawDump(file).dataSet();
            List<DumpElement> item = ds.stream().filter(e -> e.tag() == 0x00321064).findFirst().orElseThrow()
                    .items().get(0);
            // PS3.5 §7.5.3: an item's own (0008,0005) applies inside it, else the enclosing one.
            SpecificCharacterSet charset = item.stream().anyMatch(e -> e.tag() == 0x00080005)
                    ? charsetOf(item) : charsetOf(ds);
            byte[] raw = value(item, 0x00100010).getBytes(StandardCharsets.ISO_8859_1);
            assertThat(charset.decode(raw, 0, raw.length, VR.PN)).as(file).isEqualTo(name);
        }
    }

    private static DcmdumpOutput rawDump(String file) {
        return DcmdumpParser.raw().parse(Dcmdump.run(Corpus.CHARSET_FILES.resolve(file)).requireSuccess()
                .stdoutLatin1());
    }

    private static String value(List<DumpElement> elements, int tag) {
        return elements.stream().filter(e -> e.tag() == tag).findFirst()
                .orElseThrow(() -> new AssertionError(String.format("no %08x", tag))).value();
    }

    private static SpecificCharacterSet charsetOf(List<DumpElement> elements) {
        String terms = elements.stream().filter(e -> e.tag() == 0x00080005).findFirst().map(DumpElement::value)
                .orElse("");
        return SpecificCharacterSet.of(List.of(terms.split("\\\\", -1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void ourReaderDecodesPatientName(String file, String expected) throws Exception {
        OurCodec.OurFile ours = OurCodec.read(Corpus.CHARSET_FILES.resolve(file));
        assertThat(OurCodec.decodedString(ours, 0x00100010)).isEqualTo(expected);
    }

    @Test
    void ourReaderKeepsTheBytesFileInfoLists() throws Exception {
        Map<String, byte[]> listed = fileInfo();
        assertThat(listed).hasSize(12);
        for (Map.Entry<String, byte[]> e : listed.entrySet()) {
            OurCodec.OurFile ours = OurCodec.read(Corpus.CHARSET_FILES.resolve(e.getKey()));
            DumpElement name = ours.dataSet().stream().filter(d -> d.tag() == 0x00100010).findFirst().orElseThrow();
            assertThat(DumpValues.stripTextPadding(name.value()).getBytes(StandardCharsets.ISO_8859_1))
                    .as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    @Test
    void ourReaderDecodesAnItemWithItsOwnCharacterSet() throws Exception {
        String name = "\uff94\uff8f\uff80\uff9e^\uff80\uff9b\uff73=\u5c71\u7530^\u592a\u90ce="
                + "\u3084\u307e\u3060^\u305f\u308d\u3046";
        for (String file : List.of("chrSQEncoding.dcm", "chrSQEncoding1.dcm")) {
            OurCodec.OurFile ours = OurCodec.read(Corpus.CHARSET_FILES.resolve(file));
            assertThat(OurCodec.decodedString(ours, 0x00321064, 0, 0x00100010)).as(file).isEqualTo(name);
            assertThat(OurCodec.decodedString(ours, 0x00321032)).as(file).isEqualTo("Doctor^Who^^MD");
        }
    }

    @Test
    void dcmdumpAgreesWhereItsIconvCanConvert() throws Exception {
        // DCMTK (with glibc iconv) cannot convert ISO 2022 IR 87; for the others its UTF-8 view
        // is a second, independent opinion.
        for (String file : List.of("chrArab.dcm", "chrFren.dcm", "chrGerm.dcm", "chrGreek.dcm", "chrHbrw.dcm",
                "chrI2.dcm", "chrRuss.dcm", "chrX1.dcm", "chrX2.dcm", "chrKoreanMulti.dcm")) {
            Tools.Streams run = Dcmdump.run(Corpus.CHARSET_FILES.resolve(file), "+U8").requireSuccess();
            DcmdumpOutput dump = new DcmdumpParser(StandardCharsets.UTF_8).parse(run.stdoutLatin1());
            String dcmtk = dump.dataSet().stream().filter(d -> d.tag() == 0x00100010).findFirst().orElseThrow().value();
            assertThat(dcmtk).as(file).isEqualTo(NAMES.get(file));
        }
    }

    /** FileInfo.txt: file name, character sets, then the name as a Python bytes literal in quotes. */
    static Map<String, byte[]> fileInfo() throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Corpus.CHARSET_FILES.resolve("FileInfo.txt"), StandardCharsets.ISO_8859_1)) {
            if (line.strip().equals("Other")) {
                break; // the table ends; free-text notes follow
            }
            if (!line.startsWith("chr")) {
                continue;
            }
            String file = line.substring(0, line.indexOf(' '));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("'([^']*)'\\s*$").matcher(line);
            if (!m.find()) {
                throw new IllegalStateException("FileInfo.txt line without a quoted name: " + line);
            }
            String literal = m.group(1);
            out.put(file, pythonBytes(literal));
        }
        return out;
    }

    private static byte[] pythonBytes(String literal) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == '\\' && literal.charAt(i + 1) == 'x') {
                out.write(Integer.parseInt(literal.substring(i + 2, i + 4), 16));
                i += 3;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }
}
