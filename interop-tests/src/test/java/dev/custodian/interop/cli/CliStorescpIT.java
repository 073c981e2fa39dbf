package dev.custodian.interop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.interop.support.Ports;
import dev.custodian.interop.support.TestFiles;
import dev.custodian.interop.support.TestInstances;
import dev.custodian.interop.support.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code custodian store} and {@code custodian echo} as processes against DCMTK storescp: a folder
 * of a few hundred files arrives whole and byte for byte, bad inputs and unreachable or refusing
 * peers give one line on stderr and the documented exit code, good files are still sent.
 */
class CliStorescpIT {
    @TempDir
    static Path data;
    static Path folder;
    static List<Path> instances;

    @TempDir
    Path received;
    private Process storescp;

    @BeforeAll
    static void makeData() throws IOException {
        folder = data.resolve("study");
        instances = TestInstances.ct(folder.resolve("series1"), 300, 0.005);
        Files.writeString(folder.resolve("README.txt"), "not DICOM");
    }

    @AfterEach
    void stopStorescp() {
        if (storescp != null) {
            Tools.stop(storescp, Duration.ofSeconds(10));
        }
    }

    private int startStorescp(String... extra) throws IOException {
        int port = Ports.freePort();
        Path log = Files.createTempFile("storescp-", ".log");
        List<String> cmd = new ArrayList<>(List.of("storescp", "-aet", "STORESCP", "-od", received.toString()));
        cmd.addAll(List.of(extra));
        cmd.add(String.valueOf(port));
        storescp = Tools.start(log, cmd);
        Ports.awaitListening(port, storescp, log);
        return port;
    }

    @Test
    void aFolderOfThreeHundredFilesArrivesByteForByte() throws Exception {
        int port = startStorescp();

        Tools.Streams r = CustodianCli.run("store", "-c", "STORESCP@127.0.0.1:" + port, folder);

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stderr()).isEmpty();
        assertThat(r.stdoutLatin1()).contains("300 DICOM files", "1 file skipped: not DICOM",
                "Sent 300 of 300 instances", "C-STORE 150/300 files");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> TestFiles.filesIn(received).size() == 300);
        assertThat(TestFiles.dataSetDigests(TestFiles.filesIn(received))).isEqualTo(TestFiles.dataSetDigests(instances));
    }

    @Test
    void aCorruptFileAmongGoodOnesIsOneLineAndTheGoodOnesAreSent() throws Exception {
        Path mixed = Files.createDirectories(data.resolve("mixed"));
        List<Path> good = new ArrayList<>();
        for (Path p : instances.subList(0, 5)) {
            good.add(Files.copy(p, mixed.resolve(p.getFileName())));
        }
        byte[] corrupt = new byte[200];
        System.arraycopy("DICM".getBytes(), 0, corrupt, 128, 4); // the prefix, then no File Meta Information
        Files.write(mixed.resolve("broken.dcm"), corrupt);
        int port = startStorescp();

        Tools.Streams r = CustodianCli.run("store", "-c", "STORESCP@127.0.0.1:" + port, mixed);

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(CustodianCli.lines(r.stderr())).singleElement().asString()
                .startsWith("custodian store: " + mixed.resolve("broken.dcm") + ": not readable as DICOM");
        assertThat(r.stdoutLatin1()).contains("Sent 5 of 5 instances");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> TestFiles.filesIn(received).size() == 5);
        assertThat(TestFiles.dataSetDigests(TestFiles.filesIn(received))).isEqualTo(TestFiles.dataSetDigests(good));
    }

    @Test
    void aFolderWithoutDicomFilesIsExitCode5() throws Exception {
        Path texts = Files.createDirectories(data.resolve("texts"));
        Files.writeString(texts.resolve("a.txt"), "hello");
        Files.writeString(texts.resolve("b.csv"), "1,2,3");

        Tools.Streams r = CustodianCli.run("store", "-c", "STORESCP@127.0.0.1:" + Ports.freePort(), texts);

        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(CustodianCli.lines(r.stderr())).containsExactly(
                "custodian store: no DICOM file in " + texts + " (2 files not DICOM, 0 unreadable)");
    }

    @Test
    void anUnreachablePeerIsExitCode3() {
        int port = Ports.freePort(); // nobody listens there

        Tools.Streams store = CustodianCli.run("store", "-c", "STORESCP@127.0.0.1:" + port, instances.get(0));
        Tools.Streams echo = CustodianCli.run("echo", "-c", "STORESCP@127.0.0.1:" + port);

        assertThat(store.exitCode()).isEqualTo(3);
        assertThat(CustodianCli.lines(store.stderr())).containsExactly("custodian store: cannot associate with "
                + "STORESCP@127.0.0.1:" + port + ": connection refused");
        assertThat(echo.exitCode()).isEqualTo(3);
        assertThat(CustodianCli.lines(echo.stderr())).containsExactly("custodian echo: cannot associate with "
                + "STORESCP@127.0.0.1:" + port + ": connection refused");
    }

    @Test
    void aPeerThatRefusesEveryAssociationIsExitCode3() throws Exception {
        int port = startStorescp("--refuse");

        Tools.Streams r = CustodianCli.run("store", "-c", "STORESCP@127.0.0.1:" + port, instances.get(0));

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(CustodianCli.lines(r.stderr())).singleElement().asString()
                .startsWith("custodian store: cannot associate with STORESCP@127.0.0.1:" + port
                        + ": association rejected");
    }

    @Test
    void echoPrintsTheRoundTripTime() throws Exception {
        int port = startStorescp();

        Tools.Streams r = CustodianCli.run("echo", "-c", "STORESCP@127.0.0.1:" + port, "--repeat", "2");

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(CustodianCli.lines(r.stdoutLatin1())).hasSize(3).last().asString()
                .matches("C-ECHO STORESCP@127\\.0\\.0\\.1:" + port + ": Success, round trip [0-9.]+ ms");
    }

    @Test
    void aListeningPortAlreadyTakenIsExitCode4() throws Exception {
        int port = startStorescp();

        Tools.Streams r = CustodianCli.run("stgcmt", "-b", "STGCMTSCU@127.0.0.1:" + port,
                "-c", "STORESCP@127.0.0.1:" + port, "--uid", "1.2.840.10008.5.1.4.1.1.2:1.2.3.4");

        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(CustodianCli.lines(r.stderr())).singleElement().asString()
                .startsWith("custodian stgcmt: cannot listen as STGCMTSCU@127.0.0.1:" + port + ": ");
    }
}
