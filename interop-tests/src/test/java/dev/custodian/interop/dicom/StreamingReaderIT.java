package dev.custodian.interop.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.dicom.codec.BulkDataSink;
import dev.custodian.dicom.codec.DicomReaderOptions;
import dev.custodian.dicom.data.BulkData;
import dev.custodian.dicom.dict.Tag;
import dev.custodian.dicom.file.DicomFile;
import dev.custodian.dicom.file.Part10Reader;
import dev.custodian.interop.dicom.DicomFixtures.Syntax;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * The streaming reader's two tools for ingest, checked against DCMTK: the stop condition
 * (header-only reading, compared with {@code dcmdump +sb 7fe0,0010}, which stops at the same
 * place) and the bulk-data sink (the bytes it receives are the Pixel Data dcmdump shows).
 */
class StreamingReaderIT {

    @TempDir
    static Path dir;
    static Path rich;
    static Path jpeg;

    @BeforeAll
    static void generate() throws Exception {
        rich = DicomFixtures.richDataSet(dir);
        jpeg = DicomFixtures.jpegBaseline(dir);
    }

    static Stream<String> sameAsDcmdumpCorpusFiles() {
        return Corpus.allFiles().stream().filter(f -> CorpusExpectations.of(f) != null
                && CorpusExpectations.of(f).outcome() == CorpusExpectations.Outcome.SAME_AS_DCMDUMP
                && !f.contains("/TINY_ALPHA/PT"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sameAsDcmdumpCorpusFiles")
    void headerOnlyReadStopsWhereDcmdumpStops(String name) throws Exception {
        Path file = Corpus.resolve(name);
        DcmdumpOutput oracle = DcmdumpParser.raw().parse(
                Dcmdump.run(file, "+sb", "7fe0,0010").requireSuccess().stdoutLatin1());
        DicomFile ours = read(file, DicomReaderOptions.DEFAULT.withStopBefore(DicomReaderOptions.atOrAfter(Tag.PixelData)));
        boolean implicit = oracle.dataSetTransferSyntax().equals("Little Endian Implicit");
        assertThat(ours.dataSet().contains(Tag.PixelData)).isFalse();
        assertThat(DumpDiff.compare(oracle.dataSet(), OurCodec.render(ours.dataSet()), implicit)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Syntax.class)
    void pixelDataStreamedToTheSinkIsWhatDcmdumpShows(Syntax syntax) throws Exception {
        Path file = DicomFixtures.convert(rich, syntax, dir);
        List<byte[]> received = new ArrayList<>();
        DicomFile ours = read(file, DicomReaderOptions.DEFAULT.withBulkDataSink(collecting(received), 1024));
        assertThat(ours.dataSet().get(Tag.PixelData)).hasValueSatisfying(e ->
                assertThat(e.value()).isInstanceOf(BulkData.class));
        assertThat(received).hasSize(1);
        // The sink sees the bytes as encoded; Explicit VR Big Endian OW words are big endian.
        byte[] pixels = received.get(0);
        String rendered = DumpValues.render("OW", pixels,
                syntax == Syntax.EXPLICIT_BE ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN, StandardCharsets.ISO_8859_1);
        DumpElement oracle = pixelData(file);
        assertThat(rendered).isEqualTo(oracle.value());
        assertThat(DumpValues.toBytes("OW", rendered)).isEqualTo(DicomFixtures.pixelData());
    }

    @Test
    void encapsulatedFragmentsStreamedToTheSinkAreWhatDcmdumpShows() throws Exception {
        List<byte[]> received = new ArrayList<>();
        // Threshold 0: every non-empty value goes to the sink; only Pixel Data fragments are kept.
        read(jpeg, DicomReaderOptions.DEFAULT.withBulkDataSink(collecting(received), 0));
        List<String> fragments = pixelData(jpeg).fragments();
        List<String> ours = received.stream()
                .map(b -> DumpValues.render("OB", b, ByteOrder.LITTLE_ENDIAN, StandardCharsets.ISO_8859_1)).toList();
        // dcmdump lists the Basic Offset Table first; the sink receives the fragments after it.
        assertThat(ours).isEqualTo(fragments.subList(1, fragments.size()));
    }

    private static BulkDataSink collecting(List<byte[]> received) {
        return (tag, vr, fragment, offset, length, value) -> {
            byte[] bytes = value.readAllBytes();
            assertThat(bytes).hasSize((int) length);
            if (tag == Tag.PixelData) {
                received.add(bytes);
            }
            return new BulkData("memory:" + received.size(), offset, length);
        };
    }

    private static DumpElement pixelData(Path file) {
        return DcmdumpParser.raw().parse(Dcmdump.run(file).requireSuccess().stdoutLatin1()).dataSet().stream()
                .filter(e -> e.tag() == Tag.PixelData).findFirst().orElseThrow();
    }

    private static DicomFile read(Path file, DicomReaderOptions options) throws Exception {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return new Part10Reader(options).read(in);
        }
    }
}
