package dev.custodian.interop.dimse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.interop.support.Part10;
import dev.custodian.interop.support.TestFiles;
import dev.custodian.interop.support.TestInstances;
import dev.custodian.interop.support.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DCMTK storescu against our C-STORE SCP: every data set must arrive byte for byte as sent, in
 * each uncompressed transfer syntax, with small and large PDUs, many instances on one
 * association, and several associations at once.
 */
class StoreScpIT {
    static final String IMPLICIT_LE = "1.2.840.10008.1.2";
    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    static final String EXPLICIT_BE = "1.2.840.10008.1.2.2";
    static final String DEFLATED = "1.2.840.10008.1.2.1.99";
    static final Duration LIMIT = Duration.ofSeconds(120);

    @TempDir
    static Path data;
    /** Three 256x256 16-bit instances (128 KB of pixels each), Explicit VR Little Endian. */
    static List<Path> large;
    /** A hundred 24x24 instances. */
    static List<Path> small;

    @TempDir
    Path received;
    private DimseFixture fixture;

    @BeforeAll
    static void makeData() throws IOException {
        large = TestInstances.secondaryCapture(data.resolve("large"), "large", 3, 256, 20261127L);
        small = TestInstances.secondaryCapture(data.resolve("small"), "small", 100, 24, 7L);
    }

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    static Stream<Arguments> syntaxes() {
        List<Arguments> args = new ArrayList<>();
        for (int pdu : new int[] {16_384, 131_072}) {
            args.add(Arguments.of("+ti", "-xi", IMPLICIT_LE, pdu));
            args.add(Arguments.of("+te", "-xe", EXPLICIT_LE, pdu));
            args.add(Arguments.of("+tb", "-xb", EXPLICIT_BE, pdu));
        }
        args.add(Arguments.of("+td", "-xd", DEFLATED, 16_384));
        return args.stream();
    }

    @ParameterizedTest(name = "{2} with max PDU {3}")
    @MethodSource("syntaxes")
    void dataSetsArriveByteForByte(String dcmconv, String storescu, String syntax, int pdu) throws Exception {
        // Our SCP accepts only the syntax under test, so storescu sends the converted files as they are.
        fixture = new DimseFixture(received).start(1 << 20, List.of(syntax));
        List<Path> files = TestInstances.convert(large, data.resolve(syntax + "-" + pdu), dcmconv);
        List<String> command = new ArrayList<>(List.of("storescu", "-R", storescu, "--max-pdu", String.valueOf(pdu),
                "-aet", "STORESCU", "-aec", DimseFixture.AE, "127.0.0.1", String.valueOf(fixture.port())));
        files.forEach(f -> command.add(f.toString()));
        Tools.run(LIMIT, command.toArray(String[]::new)).requireSuccess("storescu");

        assertThat(fixture.stored).hasValue(files.size());
        List<Path> got = TestFiles.filesIn(received);
        assertThat(got).hasSize(files.size());
        for (Path f : got) {
            assertThat(Part10.read(f).transferSyntaxUid()).isEqualTo(syntax);
        }
        boolean deflated = syntax.equals(DEFLATED);
        assertThat(TestFiles.dataSetDigests(got, deflated)).isEqualTo(TestFiles.dataSetDigests(files, deflated));
    }

    @Test
    void hundredInstancesOnOneAssociation() throws Exception {
        fixture = new DimseFixture(received).start(16_384, null);
        List<String> command = new ArrayList<>(List.of("storescu", "-aet", "STORESCU", "-aec", DimseFixture.AE,
                "127.0.0.1", String.valueOf(fixture.port())));
        small.forEach(f -> command.add(f.toString()));
        Tools.run(LIMIT, command.toArray(String[]::new)).requireSuccess("storescu");

        assertThat(fixture.storeSessions).as("associations").hasSize(1);
        assertThat(fixture.stored).hasValue(100);
        assertThat(TestFiles.dataSetDigests(TestFiles.filesIn(received))).isEqualTo(TestFiles.dataSetDigests(small));
    }

    @Test
    void fourAssociationsAtOnce() throws Exception {
        fixture = new DimseFixture(received).start(16_384, null);
        List<List<String>> commands = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            List<String> c = new ArrayList<>(List.of("storescu", "-aet", "STORESCU" + i, "-aec", DimseFixture.AE,
                    "127.0.0.1", String.valueOf(fixture.port())));
            small.subList(i * 25, i * 25 + 25).forEach(f -> c.add(f.toString()));
            c.add(large.get(i % large.size()).toString());
            commands.add(c);
        }
        for (Tools.Result r : Tools.runAll(LIMIT, commands)) {
            r.requireSuccess("storescu");
        }
        assertThat(fixture.storeSessions).as("associations").hasSize(4);
        List<Path> sent = new ArrayList<>(small);
        sent.addAll(large);
        sent.add(large.get(0));
        // large[0] was sent twice (by storescu 0 and 3) and stored once under its instance UID.
        List<String> expected = TestFiles.dataSetDigests(new ArrayList<>(new java.util.LinkedHashSet<>(sent)));
        assertThat(TestFiles.dataSetDigests(TestFiles.filesIn(received))).isEqualTo(expected);
    }

    @Test
    void serviceFailureIsTheResponseStatus() throws Exception {
        fixture = new DimseFixture(received).start(16_384, null);
        String refusedUid = Part10.read(large.get(1)).sopInstanceUid();
        fixture.refused.add(refusedUid);
        List<String> command = new ArrayList<>(List.of("storescu", "-v", "--no-halt", "-aec", DimseFixture.AE,
                "127.0.0.1", String.valueOf(fixture.port())));
        large.forEach(f -> command.add(f.toString()));
        Tools.Result r = Tools.run(LIMIT, command.toArray(String[]::new));
        assertThat(r.output()).contains("Received Store Response (Refused: OutOfResources)");
        assertThat(fixture.stored).as("the others were stored on the same association").hasValue(2);
        assertThat(fixture.storeSessions).hasSize(1);
    }

    @Test
    void wrongCalledAeIsRejected() throws Exception {
        fixture = new DimseFixture(received).start(16_384, null);
        Tools.Result r = Tools.run(LIMIT, "storescu", "-aec", "NOT_US", "127.0.0.1", String.valueOf(fixture.port()),
                small.get(0).toString());
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.output()).containsIgnoringCase("Association Rejected");
        assertThat(fixture.stored).hasValue(0);
        try (Stream<Path> s = Files.list(received)) {
            assertThat(s).isEmpty();
        }
    }
}
