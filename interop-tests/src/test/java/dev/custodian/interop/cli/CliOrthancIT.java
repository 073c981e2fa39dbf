package dev.custodian.interop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.interop.support.Http;
import dev.custodian.interop.support.Orthanc;
import dev.custodian.interop.support.Part10;
import dev.custodian.interop.support.Ports;
import dev.custodian.interop.support.TestFiles;
import dev.custodian.interop.support.TestInstances;
import dev.custodian.interop.support.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Orthanc Book's Storage Commitment sample replayed against a real Orthanc 1.10.1 with
 * Custodian's tools only (the tool's AE in Orthanc's DicomModalities at its -b port, in the
 * sample's array form), then a folder stored with --stgcmt, and the report that cannot come on the
 * request's association.
 */
class CliOrthancIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static Orthanc orthanc;
    static int listenPort;
    static String bind;
    static String called;

    @BeforeAll
    static void start() throws Exception {
        listenPort = Ports.freePort();
        bind = "STGCMTSCU@127.0.0.1:" + listenPort;
        orthanc = Orthanc.start(dir, "{ \"scu\": [ \"STGCMTSCU\", \"127.0.0.1\", " + listenPort + " ] }");
        called = "ORTHANC@127.0.0.1:" + orthanc.dicomPort();
    }

    @AfterAll
    static void stop() {
        if (orthanc != null) {
            orthanc.close("cli");
        }
    }

    @Test
    void orthancBookSample274BeforeTheStoreCommittedAfter() throws Exception {
        Path dummyCt = TestInstances.ct(dir.resolve("dummy"), 1, 0.01).get(0);

        Tools.Streams before = CustodianCli.run("stgcmt", "-b", bind, "-c", called, dummyCt);
        Tools.Streams store = CustodianCli.run("store", "-c", called, dummyCt);
        Tools.Streams after = CustodianCli.run("stgcmt", "-b", bind, "-c", called, dummyCt);

        String uid = Part10.read(dummyCt).sopInstanceUid();
        assertThat(before.exitCode()).as(before.stderr()).isEqualTo(1);
        assertThat(before.stdoutLatin1()).contains("failed     " + uid + "  CT Image Storage  Failure Reason 274 "
                + "(0112H) No such object instance", "Failure: 0 committed, 1 failed");
        assertThat(store.exitCode()).as(store.stderr()).isZero();
        assertThat(after.exitCode()).as(after.stderr()).isZero();
        assertThat(after.stdoutLatin1()).contains("committed  " + uid + "  CT Image Storage",
                "Success: 1 committed, 0 failed");
        assertThat(before.stderr() + after.stderr()).isEmpty();
    }

    @Test
    void aFolderStoredWithStgcmtArrivesWholeAndIsCommitted() throws Exception {
        List<Path> files = TestInstances.ct(dir.resolve("folder"), 200, 0.005);
        Files.writeString(dir.resolve("folder").resolve("notes.txt"), "not DICOM");

        Tools.Streams r = CustodianCli.run("store", "-c", called, "-b", bind, "--stgcmt", "--split", "80", "--json",
                dir.resolve("folder"));

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        JsonNode out = JSON.readTree(r.stdoutLatin1());
        assertThat(out.get("Sent").asInt()).isEqualTo(200);
        assertThat(out.get("NotDicom").asInt()).isEqualTo(1);
        JsonNode commitment = out.get("StorageCommitment");
        assertThat(commitment.get("Status").asText()).isEqualTo("Success");
        assertThat(commitment.get("Success")).hasSize(200);
        assertThat(commitment.get("Transactions")).extracting(t -> t.get("Instances").asInt())
                .containsExactly(80, 80, 40);
        List<Path> copies = new ArrayList<>();
        for (JsonNode uid : commitment.get("Success")) {
            String id = JSON.readTree(Http.post(orthanc.httpPort(), "/tools/lookup",
                    uid.get("SOPInstanceUID").asText().getBytes()).body()).get(0).get("ID").asText();
            Path copy = dir.resolve("copies").resolve(id + ".dcm");
            Files.createDirectories(copy.getParent());
            copies.add(Files.write(copy, Http.getBytes(orthanc.httpPort(), "/instances/" + id + "/file").body()));
        }
        assertThat(TestFiles.dataSetDigests(copies)).isEqualTo(TestFiles.dataSetDigests(files));
    }

    @Test
    void withoutAListenerTheReportNeverComesExitCode2() throws Exception {
        Path file = TestInstances.ct(dir.resolve("nolistener"), 1, 0.005).get(0);

        // Orthanc 1.10.1 reports on a new association, never on the request's: --keep-alive waits in vain.
        Tools.Streams r = CustodianCli.run("stgcmt", "-c", called, "--keep-alive", "--timeout", "3s", file);

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(CustodianCli.lines(r.stderr())).singleElement().asString().contains("no report within 3 s",
                "needs -b AET:port");
    }

    @Test
    void uidsWithoutFilesReportedAsJson() throws Exception {
        Path stored = TestInstances.ct(dir.resolve("uids"), 1, 0.005).get(0);
        assertThat(CustodianCli.run("store", "-c", called, stored).exitCode()).isZero();
        Part10 p = Part10.read(stored);
        String absent = "1.2.826.0.1.3680043.10.1137.404.1";

        Tools.Streams r = CustodianCli.run("stgcmt", "-b", bind, "-c", called, "--json",
                "--uid", p.sopClassUid() + ":" + p.sopInstanceUid(), "--uid", p.sopClassUid() + ":" + absent);

        assertThat(r.exitCode()).as(r.stderr()).isEqualTo(1);
        JsonNode out = JSON.readTree(r.stdoutLatin1());
        assertThat(out.get("Status").asText()).isEqualTo("Failure");
        assertThat(out.get("Success")).extracting(n -> n.get("SOPInstanceUID").asText())
                .containsExactly(p.sopInstanceUid());
        assertThat(out.get("Failures")).extracting(n -> n.get("SOPInstanceUID").asText() + " "
                + n.get("FailureReason").asInt() + " " + n.get("Description").asText())
                .containsExactly(absent + " 274 No such object instance");
    }
}
