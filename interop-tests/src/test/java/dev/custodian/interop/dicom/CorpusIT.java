package dev.custodian.interop.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.custodian.dicom.data.DicomFormatException;
import dev.custodian.interop.support.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of the pydicom corpus (python3-pydicom's test_files and charset_files) against the
 * expectation {@link CorpusExpectations} lists for it: either our Part 10 reader shows the same
 * meta information, elements, VRs, values and sequence structure as {@code dcmdump}, or the file
 * is refused with a {@link DicomFormatException} whose message says what and where.
 */
class CorpusIT {

    private static final Map<String, String> OUTCOMES = new ConcurrentHashMap<>();
    private static final AtomicInteger WRITTEN_BACK = new AtomicInteger();

    static Stream<String> corpusFiles() {
        return Corpus.allFiles().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusFiles")
    void fileBehavesAsExpected(String name) throws Exception {
        CorpusExpectations.Expectation expected = CorpusExpectations.of(name);
        assertThat(expected).as("corpus file %s has no expectation: add one to CorpusExpectations", name)
                .isNotNull();
        OUTCOMES.put(name, "FAILED " + expected.outcome());
        switch (expected.outcome()) {
            case SAME_AS_DCMDUMP -> assertSameAsDcmdump(name);
            case REJECTED -> assertRejected(name);
        }
        OUTCOMES.put(name, expected.outcome().name());
    }

    private static void assertSameAsDcmdump(String name) throws Exception {
        Tools.Streams run = Dcmdump.run(Corpus.resolve(name)).requireSuccess();
        DcmdumpOutput oracle = DcmdumpParser.raw().parse(run.stdoutLatin1());
        OurCodec.OurFile ours = OurCodec.read(Corpus.resolve(name));
        boolean implicit = oracle.dataSetTransferSyntax().equals("Little Endian Implicit");
        assertThat(DumpDiff.compare(oracle.meta(), ours.meta(), false))
                .as("%s: File Meta Information differs from dcmdump", name).isEmpty();
        assertThat(DumpDiff.compare(oracle.dataSet(), ours.dataSet(), implicit))
                .as("%s: data set differs from dcmdump (%s)", name, oracle.dataSetTransferSyntax()).isEmpty();
        if (ours.file().meta().isPresent()) {
            assertWriterReproduces(name, oracle, ours, implicit);
        }
    }

    /** Our writer, same transfer syntax: dcmdump of our file shows the original's data set. */
    private static void assertWriterReproduces(String name, DcmdumpOutput oracle, OurCodec.OurFile ours,
                                               boolean implicit) throws Exception {
        Path written = Files.createTempFile("corpus-", ".dcm");
        try {
            OurCodec.write(ours, ours.transferSyntaxUid(), written);
            Tools.Streams run = Dcmdump.run(written);
            assertThat(run.exitCode()).as("%s written by us: dcmdump says %s", name, run.stderr()).isZero();
            DcmdumpOutput after = DcmdumpParser.raw().parse(run.stdoutLatin1());
            assertThat(DumpDiff.compareReencoded(oracle.dataSet(), after.dataSet(), implicit))
                    .as("%s written back by us differs from the original", name).isEmpty();
            WRITTEN_BACK.incrementAndGet();
        } finally {
            Files.deleteIfExists(written);
        }
    }

    private static void assertRejected(String name) {
        Throwable thrown = catchThrowable(() -> OurCodec.read(Corpus.resolve(name)));
        assertThat(thrown).as("%s must be refused", name).isInstanceOf(DicomFormatException.class);
        assertThat(thrown.getMessage()).as("%s: the message must say what is wrong", name).isNotBlank();
        assertThat(thrown.getClass()).isNotIn(StackOverflowError.class, OutOfMemoryError.class);
    }

    @Test
    void everyExpectationNamesAFileThatExists() {
        List<String> files = Corpus.allFiles();
        assertThat(files).hasSizeGreaterThan(150);
        assertThat(CorpusExpectations.all().keySet())
                .allSatisfy(f -> assertThat(Files.isRegularFile(Corpus.resolve(f))).as(f).isTrue());
        assertThat(files).containsExactlyInAnyOrderElementsOf(CorpusExpectations.all().keySet());
    }

    @AfterAll
    static void summary() {
        Map<String, Integer> counts = new TreeMap<>();
        OUTCOMES.values().forEach(o -> counts.merge(o, 1, Integer::sum));
        System.out.println("CorpusIT summary: " + counts + ", written back identically: " + WRITTEN_BACK.get());
        OUTCOMES.entrySet().stream().filter(e -> e.getValue().startsWith("FAILED"))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> System.out.println("CorpusIT " + e.getValue() + ": " + e.getKey()));
    }
}
