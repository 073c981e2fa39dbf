package dev.custodian.interop.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.interop.dicom.DicomFixtures.Syntax;
import dev.custodian.interop.support.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our writer on real data: every corpus file with native (uncompressed) pixel data and meta
 * information that we read like dcmdump does is written by us in each of the four uncompressed
 * transfer syntaxes; dcmdump reads each file without a warning and shows the original's data set.
 */
class WriterSyntaxesIT {

    static Stream<String> nativeCorpusFiles() {
        List<String> files = Corpus.allFiles().stream().filter(f -> CorpusExpectations.of(f) != null
                && CorpusExpectations.of(f).outcome() == CorpusExpectations.Outcome.SAME_AS_DCMDUMP
                && !f.contains("/TINY_ALPHA/PT") && isNativePartTen(f)).toList();
        assertThat(files).hasSizeGreaterThan(60);
        return files.stream();
    }

    /** Bare data sets cannot be written back as they are; encapsulated pixel data stays encapsulated. */
    private static boolean isNativePartTen(String name) {
        try {
            OurCodec.OurFile ours = OurCodec.read(Corpus.resolve(name));
            return ours.file().meta().isPresent() && ours.file().transferSyntax().isNative();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nativeCorpusFiles")
    void writtenInEveryUncompressedSyntaxDcmdumpAgrees(String name) throws Exception {
        OurCodec.OurFile ours = OurCodec.read(Corpus.resolve(name));
        DcmdumpOutput original = DcmdumpParser.raw().parse(Dcmdump.run(Corpus.resolve(name)).requireSuccess()
                .stdoutLatin1());
        boolean sourceImplicit = original.dataSetTransferSyntax().equals("Little Endian Implicit");
        List<String> problems = new ArrayList<>();
        for (Syntax syntax : Syntax.values()) {
            Path written = Files.createTempFile("writer-", ".dcm");
            try {
                OurCodec.write(ours, syntax.uid, written);
                Tools.Streams run = Dcmdump.run(written);
                if (run.exitCode() != 0 || !run.diagnostics().isEmpty()) {
                    problems.add(syntax + ": dcmdump " + run.exitCode() + " " + run.diagnostics());
                    continue;
                }
                List<String> diff = DumpDiff.compareReencoded(original.dataSet(),
                        DcmdumpParser.raw().parse(run.stdoutLatin1()).dataSet(),
                        sourceImplicit || syntax == Syntax.IMPLICIT_LE);
                if (!diff.isEmpty()) {
                    problems.add(syntax + ": " + diff);
                }
            } finally {
                Files.deleteIfExists(written);
            }
        }
        assertThat(problems).as(name).isEmpty();
    }
}
