package dev.custodian.interop.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.interop.support.Tools;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Proves the oracle itself: dcmdump listings parse into the expected trees, and the comparison
 * finds real differences while accepting DCMTK's own transfer syntax conversions as equal.
 */
class DcmdumpOracleIT {

    @TempDir
    static Path dir;
    static Path rich;
    static DcmdumpOutput richDump;

    @BeforeAll
    static void generate() throws Exception {
        rich = DicomFixtures.richDataSet(dir);
        richDump = dump(rich);
    }

    static DcmdumpOutput dump(Path file) {
        return DcmdumpParser.raw().parse(Dcmdump.run(file).requireSuccess().stdoutLatin1());
    }

    static DumpElement find(List<DumpElement> elements, int tag) {
        return elements.stream().filter(e -> e.tag() == tag).findFirst()
                .orElseThrow(() -> new AssertionError(String.format("no element %08x in %s", tag, elements)));
    }

    @Test
    void richDataSetParsesIntoTheDumpedTree() {
        assertThat(find(richDump.meta(), 0x00020010).value()).isEqualTo("1.2.840.10008.1.2.1");
        assertThat(richDump.dataSetTransferSyntax()).isEqualTo("Little Endian Explicit");
        List<DumpElement> ds = richDump.dataSet();
        assertThat(find(ds, 0x00100010)).isEqualTo(DumpElement.of(0x00100010, "PN", "M\u00fcller^J\u00fcrgen^^Dr."));
        assertThat(find(ds, 0x00080008).value()).isEqualTo("ORIGINAL\\PRIMARY\\AXIAL");
        DumpElement procedure = find(ds, 0x00081032);
        assertThat(procedure.items()).hasSize(2);
        assertThat(find(procedure.items().get(1), 0x00080104).value()).isEqualTo("Thorax \u00dc-Test");
        assertThat(find(procedure.items().get(1), 0x0040A170).items()).hasSize(1);
        assertThat(find(ds, 0x00081140).items()).isEmpty();
        assertThat(find(find(ds, 0x00091003).items().get(0), 0x00100020).value()).isEqualTo("IN-PRIVATE-SQ");
        assertThat(find(ds, 0x00291004).value()).isEqualTo("-2147483648\\2147483647");
        assertThat(find(ds, 0x00205000).value()).isEqualTo("(0010,0020)\\(0008,0018)");
        assertThat(find(ds, 0x00091002).value()).isEqualTo("01\\02\\03\\04\\05\\06");
        DumpElement pixels = find(ds, 0x7FE00010);
        assertThat(pixels.vr()).isEqualTo("OW");
        assertThat(DumpValues.toBytes("OW", pixels.value())).isEqualTo(DicomFixtures.pixelData());
    }

    @Test
    void everyRichElementLineBecomesAnElement() throws Exception {
        String listing = Dcmdump.run(rich).requireSuccess().stdoutLatin1();
        Pattern element = Pattern.compile("^ *\\((?!fffe,e0)[0-9a-f]{4},[0-9a-f]{4}\\) ", Pattern.MULTILINE);
        long lines = element.matcher(listing).results().count();
        assertThat(count(richDump.meta()) + count(richDump.dataSet())).isEqualTo(lines);
    }

    private static long count(List<DumpElement> elements) {
        long n = 0;
        for (DumpElement e : elements) {
            n++;
            if (e.isSequence()) {
                for (List<DumpElement> item : e.items()) {
                    n += count(item);
                }
            }
        }
        return n;
    }

    @ParameterizedTest
    @EnumSource(DicomFixtures.Syntax.class)
    void dcmtkConversionsCompareEqual(DicomFixtures.Syntax syntax) {
        Path converted = DicomFixtures.convert(rich, syntax, dir);
        DcmdumpOutput dump = dump(converted);
        assertThat(find(dump.meta(), 0x00020010).value()).isEqualTo(syntax.uid);
        assertThat(DumpDiff.compareReencoded(richDump.dataSet(), dump.dataSet(),
                syntax == DicomFixtures.Syntax.IMPLICIT_LE))
                .isEmpty();
    }

    @Test
    void differencesAreFoundWithTheirPath() throws Exception {
        Path changed = dir.resolve("changed.dcm");
        Files.copy(rich, changed, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Tools.runSeparately("dcmodify", "-nb", "-m", "(0010,0010)=Other^Name",
                "-m", "(0008,1032)[1].(0040,a170)[0].(0008,0100)=999",
                "-e", "(0010,0040)", "-i", "(0010,2160)=ETHNIC",
                "-m", "(0029,1005)=0.5\\-1.25e-9", changed).requireSuccess();
        List<String> diff = DumpDiff.compare(richDump.dataSet(), dump(changed).dataSet(), false);
        assertThat(diff).hasSize(5);
        assertThat(diff).anySatisfy(d -> assertThat(d).startsWith("(0010,0010): value differs"));
        assertThat(diff).anySatisfy(d -> assertThat(d).startsWith("(0008,1032)[1].(0040,a170)[0].(0008,0100): value"));
        assertThat(diff).anySatisfy(d -> assertThat(d).startsWith("(0010,0040): missing"));
        assertThat(diff).anySatisfy(d -> assertThat(d).startsWith("(0010,2160): unexpected"));
        assertThat(diff).anySatisfy(d -> assertThat(d).startsWith("(0029,1005): value differs"));
    }

    @Test
    void vrAndStructureDifferencesAreFound() {
        List<DumpElement> base = List.of(DumpElement.of(0x00280010, "US", "512"),
                new DumpElement(0x00081140, "SQ", "", List.of(List.of(), List.of()), null));
        List<DumpElement> other = List.of(DumpElement.of(0x00280010, "SS", "512"),
                new DumpElement(0x00081140, "SQ", "", List.of(List.of()), null));
        assertThat(DumpDiff.compare(base, other, false))
                .containsExactly("(0028,0010): VR US vs SS", "(0008,1140): 2 items vs 1");
        // Implicit VR: the VR is each side's dictionary guess, so equal bytes are equal values.
        assertThat(DumpDiff.compare(List.of(DumpElement.of(0x00291001, "??", "00\\02")),
                List.of(DumpElement.of(0x00291001, "US", "512")), true)).isEmpty();
        assertThat(DumpDiff.compare(List.of(DumpElement.of(0x00291001, "??", "00\\03")),
                List.of(DumpElement.of(0x00291001, "US", "512")), true)).hasSize(1);
    }

    @Test
    void encapsulatedJpegHasOffsetTableAndFrameFragments() throws Exception {
        Path jpeg = DicomFixtures.jpegBaseline(dir);
        DcmdumpOutput dump = dump(jpeg);
        assertThat(find(dump.meta(), 0x00020010).value()).isEqualTo("1.2.840.10008.1.2.4.50");
        DumpElement pixels = find(dump.dataSet(), 0x7FE00010);
        assertThat(pixels.isEncapsulated()).isTrue();
        assertThat(pixels.fragments()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(pixels.fragments().get(1)).startsWith("ff\\d8\\ff");
        assertThat(find(dump.dataSet(), 0x00100010).value()).isEqualTo("Jpeg^Test");
    }

    @Test
    void everyCorpusFileThatDcmdumpReadsParses() {
        List<String> failures = new ArrayList<>();
        int parsed = 0;
        for (String name : Corpus.allFiles()) {
            Tools.Streams run = Dcmdump.run(Corpus.resolve(name));
            if (run.exitCode() != 0) {
                continue;
            }
            try {
                DcmdumpOutput out = DcmdumpParser.raw().parse(run.stdoutLatin1());
                if (out.dataSet().isEmpty() && out.meta().isEmpty()) {
                    failures.add(name + ": empty");
                }
                parsed++;
            } catch (RuntimeException e) {
                failures.add(name + ": " + e.getMessage());
            }
        }
        assertThat(failures).isEmpty();
        assertThat(parsed).isGreaterThan(100);
    }

    /**
     * No false alarms on real data: DCMTK's own conversion of each readable, uncompressed corpus
     * file to Implicit VR Little Endian compares equal to the original (where VRs become
     * dictionary guesses and undefined-length private sequences become bytes).
     */
    @Test
    void dcmtkConversionsOfTheCorpusCompareEqual() {
        List<String> failures = new ArrayList<>();
        int compared = 0;
        for (String name : Corpus.allFiles()) {
            if (name.contains("/TINY_ALPHA/PT")) {
                continue; // 50 near-identical tiny files: no new cases, only time
            }
            Tools.Streams run = Dcmdump.run(Corpus.resolve(name));
            if (run.exitCode() != 0 || !run.diagnostics().isEmpty()) {
                continue;
            }
            DcmdumpOutput original = DcmdumpParser.raw().parse(run.stdoutLatin1());
            if (!original.dataSetTransferSyntax().contains("Endian") || original.meta().isEmpty()) {
                continue; // encapsulated syntaxes cannot be converted without a codec; bare data sets
            }
            for (String option : List.of("+ti")) {
                Path out = dir.resolve("corpus-conv" + option.substring(1) + ".dcm");
                if (Tools.runSeparately("dcmconv", "-q", option, Corpus.resolve(name), out).exitCode() != 0) {
                    continue;
                }
                List<String> diff = DumpDiff.compareReencoded(original.dataSet(), dump(out).dataSet(),
                        option.equals("+ti") || original.dataSetTransferSyntax().contains("Implicit"));
                if (!diff.isEmpty()) {
                    failures.add(name + " " + option + ": " + diff);
                }
                compared++;
            }
        }
        assertThat(failures).isEmpty();
        assertThat(compared).isGreaterThan(40);
    }

    @Test
    void owRenderingRoundTripsThroughBytes() {
        byte[] bytes = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 0x0102)
                .putShort((short) 0xFFFE).array();
        String rendered = DumpValues.render("OW", bytes, ByteOrder.LITTLE_ENDIAN, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(rendered).isEqualTo("0102\\fffe");
        assertThat(DumpValues.toBytes("OW", rendered)).isEqualTo(bytes);
    }
}
