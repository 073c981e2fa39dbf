package dev.custodian.interop.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The tools against Custodian itself (started in-process on 127.0.0.1, AE CUSTODIAN): a C-ECHO and
 * a store, and an association to the wrong called AE title, which Custodian checks
 * ({@code DicomCheckCalledAet}) and rejects.
 */
class CliCustodianIT {
    static final String AET = "CUSTODIAN";
    @TempDir
    static Path dir;
    static Application app;
    static String called;

    @BeforeAll
    static void start() throws Exception {
        Path storage = Files.createDirectories(dir.resolve("storage"));
        String json = "{ \"DicomAet\": \"" + AET + "\", \"DicomPort\": 0, \"HttpPort\": 0, \"StorageDirectory\": \""
                + storage + "\", \"IndexDirectory\": \"" + storage + "\", \"DicomCheckCalledAet\": true }";
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
    void echoAndStoreSucceed() throws Exception {
        List<Path> files = TestInstances.ct(dir.resolve("in"), 12, 0.005);

        Tools.Streams echo = CustodianCli.run("echo", "-c", called);
        Tools.Streams store = CustodianCli.run("store", "-c", called, dir.resolve("in"));

        assertThat(echo.exitCode()).as(echo.stderr()).isZero();
        assertThat(echo.stdoutLatin1()).contains("C-ECHO " + called + ": Success, round trip ");
        assertThat(store.exitCode()).as(store.stderr()).isZero();
        assertThat(store.stdoutLatin1()).contains("Sent " + files.size() + " of " + files.size() + " instances");
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
