package dev.custodian.interop.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.interop.dicom.DicomFixtures.Syntax;
import dev.custodian.interop.support.Tools;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Round trips through DCMTK: files made by dump2dcm, img2dcm and dcmconv (each uncompressed
 * transfer syntax, and encapsulated JPEG Baseline) are read by our Part 10 reader, compared with
 * dcmdump, written back by our writer in the same transfer syntax, and dcmdump of our file must
 * equal dcmdump of DCMTK's file. Files we write are read by dcmdump without a single warning.
 */
class RoundTripIT {

    @TempDir
    static Path dir;
    static Path rich;
    static Path jpeg;

    @BeforeAll
    static void generate() throws Exception {
        rich = DicomFixtures.richDataSet(dir);
        jpeg = DicomFixtures.jpegBaseline(dir);
    }

    /** DCMTK-produced files: the rich data set in each syntax (dcmconv), and img2dcm's JPEG. */
    static Stream<String> dcmtkFiles() {
        List<String> names = new ArrayList<>();
        for (Syntax s : Syntax.values()) {
            names.add("rich:" + s.name());
        }
        names.add("jpeg-baseline");
        return names.stream();
    }

    private static Path dcmtkFile(String name) {
        if (name.equals("jpeg-baseline")) {
            return jpeg;
        }
        return DicomFixtures.convert(rich, Syntax.valueOf(name.substring("rich:".length())), dir);
    }

    private static DcmdumpOutput dump(Path file) {
        return DcmdumpParser.raw().parse(Dcmdump.run(file).requireSuccess().stdoutLatin1());
    }

    private static DumpElement meta(DcmdumpOutput dump, int tag) {
        return dump.meta().stream().filter(e -> e.tag() == tag).findFirst()
                .orElseThrow(() -> new AssertionError(String.format("no meta element %08x", tag)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dcmtkFiles")
    void ourReaderSeesWhatDcmdumpSees(String name) throws Exception {
        Path original = dcmtkFile(name);
        DcmdumpOutput oracle = dump(original);
        OurCodec.OurFile ours = OurCodec.read(original);
        boolean implicit = oracle.dataSetTransferSyntax().equals("Little Endian Implicit");
        assertThat(ours.transferSyntaxUid()).isEqualTo(meta(oracle, 0x00020010).value());
        assertThat(DumpDiff.compare(oracle.meta(), ours.meta(), false)).isEmpty();
        assertThat(DumpDiff.compare(oracle.dataSet(), ours.dataSet(), implicit)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dcmtkFiles")
    void ourWriterReproducesDcmtksFile(String name) throws Exception {
        Path original = dcmtkFile(name);
        OurCodec.OurFile ours = OurCodec.read(original);
        Path written = dir.resolve("ours-" + name.replace(':', '-') + ".dcm");
        OurCodec.write(ours, ours.transferSyntaxUid(), written);

        DcmdumpOutput before = dump(original);
        DcmdumpOutput after = dump(written);
        boolean implicit = before.dataSetTransferSyntax().equals("Little Endian Implicit");
        assertThat(after.dataSetTransferSyntax()).isEqualTo(before.dataSetTransferSyntax());
        for (int tag : new int[] {0x00020002, 0x00020003, 0x00020010}) {
            assertThat(meta(after, tag).value()).isEqualTo(meta(before, tag).value());
        }
        assertThat(DumpDiff.compare(before.dataSet(), after.dataSet(), implicit)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Syntax.class)
    void dcmdumpReadsWhatWeWriteWithoutWarnings(Syntax syntax) throws Exception {
        OurCodec.OurFile ours = OurCodec.read(rich);
        Path written = dir.resolve("ours-written-" + syntax.name().toLowerCase() + ".dcm");
        OurCodec.write(ours, syntax.uid, written);

        Tools.Streams run = Dcmdump.run(written);
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.diagnostics()).as("dcmdump warnings/errors on our %s file", syntax).isEmpty();
        assertThat(run.stderr()).isBlank();
        DcmdumpOutput after = DcmdumpParser.raw().parse(run.stdoutLatin1());
        assertThat(meta(after, 0x00020010).value()).isEqualTo(syntax.uid);
        // In Implicit VR dcmdump cannot know that a private tag holds a sequence and shows its
        // (defined-length) value as unknown bytes; the fair oracle is DCMTK's own Implicit VR
        // conversion of the same file (dcmconv +ti), which it shows the same way.
        Path oracle = syntax == Syntax.IMPLICIT_LE ? DicomFixtures.convert(rich, syntax, dir) : rich;
        assertThat(DumpDiff.compare(dump(oracle).dataSet(), after.dataSet(), syntax == Syntax.IMPLICIT_LE)).isEmpty();
    }

    @Test
    void privateSequenceInImplicitVrIsReadByDcmdumpWithoutWarning() throws Exception {
        OurCodec.OurFile ours = OurCodec.read(rich); // has private SQ (0009,1003)
        Path written = dir.resolve("ours-private-sq-implicit.dcm");
        OurCodec.write(ours, Syntax.IMPLICIT_LE.uid, written);
        Tools.Streams run = Dcmdump.run(written);
        assertThat(run.exitCode()).isZero();
        assertThat(run.diagnostics()).isEmpty();
        assertThat(run.stderr()).isBlank();
    }

    @Test
    void encapsulatedPixelDataSurvivesByteForByte() throws Exception {
        OurCodec.OurFile ours = OurCodec.read(jpeg);
        Path written = dir.resolve("ours-jpeg.dcm");
        OurCodec.write(ours, ours.transferSyntaxUid(), written);
        DumpElement before = pixelData(dump(jpeg));
        DumpElement after = pixelData(dump(written));
        assertThat(after.fragments()).isEqualTo(before.fragments());
        assertThat(after.fragments().get(1)).startsWith("ff\\d8");
    }

    private static DumpElement pixelData(DcmdumpOutput dump) {
        return dump.dataSet().stream().filter(e -> e.tag() == 0x7FE00010).findFirst().orElseThrow();
    }
}
