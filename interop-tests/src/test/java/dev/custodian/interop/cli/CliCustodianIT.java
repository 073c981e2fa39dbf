package dev.custodian.interop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.interop.support.Part10;
import dev.custodian.interop.support.Ports;
import dev.custodian.interop.support.TestInstances;
import dev.custodian.interop.support.Tools;
import dev.custodian.server.cli.Application;
import dev.custodian.server.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tools against Custodian itself (started in-process on 127.0.0.1, AE CUSTODIAN, checking the
 * called AE title): the Orthanc Book's Storage Commitment sample replayed against Custodian's SCP,
 * the report on the request's association for a modality configured so, a folder stored with
 * --stgcmt, and an association to the wrong called AE title, rejected.
 */
class CliCustodianIT {
    static final String AET = "CUSTODIAN";
    @TempDir
    static Path dir;
    static Application app;
    static String called;
    static String bind;

    @BeforeAll
    static void start() throws Exception {
        Path storage = Files.createDirectories(dir.resolve("storage"));
        int listenPort = Ports.freePort();
        bind = "STGCMTSCU@127.0.0.1:" + listenPort;
        String json = "{ \"DicomAet\": \"" + AET + "\", \"DicomPort\": 0, \"HttpPort\": 0, \"StorageDirectory\": \""
                + storage + "\", \"IndexDirectory\": \"" + storage + "\", \"DicomCheckCalledAet\": true, "
                + "\"DicomModalities\": { \"scu\": [ \"STGCMTSCU\", \"127.0.0.1\", " + listenPort + " ], "
                + "\"same\": { \"AET\": \"SAMEASSOC\", \"Host\": \"127.0.0.1\", \"Port\": " + Ports.freePort()
                + ", \"StorageCommitmentReportOnSameAssociation\": true } } }";
        app = Application.start(ConfigLoader.parse(json, dir), "127.0.0.1", "it", Clock.systemUTC());
        called = AET + "@127.0.0.1:" + app.dicomPort();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void orthancBookSample274BeforeTheStoreCommittedAfter() throws Exception {
        Path dummyCt = TestInstances.ct(dir.resolve("dummy"), 1, 0.01).get(0);
        String uid = Part10.read(dummyCt).sopInstanceUid();

        Tools.Streams before = CustodianCli.run("stgcmt", "-b", bind, "-c", called, dummyCt);
        Tools.Streams store = CustodianCli.run("store", "-c", called, dummyCt);
        Tools.Streams after = CustodianCli.run("stgcmt", "-b", bind, "-c", called, dummyCt);

        assertThat(before.exitCode()).as(before.stderr()).isEqualTo(1);
        assertThat(before.stdoutLatin1()).contains("failed     " + uid + "  CT Image Storage  Failure Reason 274 "
                + "(0112H) No such object instance", "retrieve from " + AET);
        assertThat(store.exitCode()).as(store.stderr()).isZero();
        assertThat(after.exitCode()).as(after.stderr()).isZero();
        assertThat(after.stdoutLatin1()).contains("committed  " + uid, "Success: 1 committed, 0 failed");
    }

    @Test
    void aModalityReportedOnTheSameAssociationNeedsNoListener() throws Exception {
        Path file = TestInstances.ct(dir.resolve("same"), 1, 0.005).get(0);
        assertThat(CustodianCli.run("store", "-c", called, file).exitCode()).isZero();

        Tools.Streams r = CustodianCli.run("stgcmt", "-b", "SAMEASSOC", "--keep-alive", "-c", called, file);

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdoutLatin1()).contains("Success: 1 committed, 0 failed");
    }

    @Test
    void echoAndAFolderStoredWithStgcmt() throws Exception {
        List<Path> files = TestInstances.ct(dir.resolve("in"), 24, 0.005);

        Tools.Streams echo = CustodianCli.run("echo", "-c", called);
        Tools.Streams store = CustodianCli.run("store", "-c", called, "-b", bind, "--stgcmt", "--split", "10",
                dir.resolve("in"));

        assertThat(echo.exitCode()).as(echo.stderr()).isZero();
        assertThat(echo.stdoutLatin1()).contains("C-ECHO " + called + ": Success, round trip ");
        assertThat(store.exitCode()).as(store.stderr()).isZero();
        assertThat(store.stdoutLatin1()).contains("Sent " + files.size() + " of " + files.size() + " instances",
                "Success: 24 committed, 0 failed");
        assertThat(CustodianCli.lines(store.stdoutLatin1()).stream().filter(l -> l.startsWith("Storage Commitment by")))
                .hasSize(3);
    }

    @Test
    void aWrongCalledAeTitleIsRejectedExitCode3() throws Exception {
        Path file = TestInstances.ct(dir.resolve("one"), 1, 0.005).get(0);
        String wrong = "NOTCUSTODIAN@127.0.0.1:" + app.dicomPort();

        Tools.Streams store = CustodianCli.run("store", "-c", wrong, file);
        Tools.Streams stgcmt = CustodianCli.run("stgcmt", "-c", wrong, file);

        for (Tools.Streams r : List.of(store, stgcmt)) {
            assertThat(r.exitCode()).isEqualTo(3);
            assertThat(CustodianCli.lines(r.stderr())).singleElement().asString()
                    .contains("cannot associate with " + wrong + ": association rejected")
                    .contains("called-AE-title-not-recognized");
        }
    }
}
