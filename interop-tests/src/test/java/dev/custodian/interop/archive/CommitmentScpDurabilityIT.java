package dev.custodian.interop.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodian.interop.support.Part10;
import dev.custodian.interop.support.Ports;
import dev.custodian.interop.support.TestInstances;
import dev.custodian.interop.support.Tools;
import dev.custodian.stgcmt.Commitment;
import dev.custodian.stgcmt.CommitmentReport;
import dev.custodian.stgcmt.SopReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durable before acknowledged: the server (the shaded jar, its own process) is killed with SIGKILL
 * right after its N-ACTION-RSP Success, before the report could go out; after the restart the
 * report arrives, once. And two Custodian nodes on one PostgreSQL index and one storage folder:
 * a request received by either node is reported exactly once.
 */
class CommitmentScpDurabilityIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Path JAR = Tools.ROOT.resolve("server/target/custodian.jar");

    @Test
    void aReportOwedWhenTheServerWasKilledIsSentAfterTheRestart(@TempDir Path dir) throws Exception {
        int dicomPort = Ports.freePort();
        int httpPort = Ports.freePort();
        int requesterPort = Ports.freePort();
        Path storage = Files.createDirectories(dir.resolve("storage"));
        Path config = dir.resolve("custodian.json");
        Files.writeString(config, "{ \"DicomAet\": \"CUSTODIAN\", \"DicomPort\": " + dicomPort + ", \"HttpPort\": "
                + httpPort + ", \"StorageDirectory\": \"" + storage + "\", \"IndexDirectory\": \"" + storage + "\","
                + " \"StorageCommitmentRetryInitialDelay\": 100, \"StorageCommitmentRetryMaximumDelay\": 500,"
                + " \"DicomModalities\": {\"m\": [\"STGCMTSCU\", \"127.0.0.1\", " + requesterPort + "]} }");
        assertThat(JAR).as("the shaded jar (mvn package of server)").exists();
        Path file = TestInstances.secondaryCapture(dir.resolve("in"), "kill", 1, 8, 5).get(0);
        Part10 p = Part10.read(file);
        SopReference stored = new SopReference(p.sopClassUid(), p.sopInstanceUid());
        SopReference missing = new SopReference(p.sopClassUid(), p.sopInstanceUid() + ".9");

        Process server = start(dir, config, "run1");
        try (CommitmentRequester modality = new CommitmentRequester("STGCMTSCU", requesterPort, WAIT)) {
            Ports.awaitListening(dicomPort);
            Tools.run(List.of("storescu", "-aet", "STGCMTSCU", "-aec", "CUSTODIAN", "127.0.0.1",
                    String.valueOf(dicomPort), file.toString())).requireSuccess("storescu");
            Commitment c = modality.request("CUSTODIAN", dicomPort, List.of(stored, missing));
            assertThat(c.response().get(30, TimeUnit.SECONDS).status().isSuccess()).isTrue();
            server.destroyForcibly(); // SIGKILL, right after the RSP; the modality is not listening yet
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(modality.reportsReceived.get()).isZero();

            modality.listen();
            server = start(dir, config, "run2");
            CommitmentReport report = c.report().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(report.committed()).containsExactly(stored);
            assertThat(report.failed()).singleElement().satisfies(f -> assertThat(f.reference()).isEqualTo(missing));
            Ports.awaitListening(httpPort); // HTTP starts last: the report may come first
            JsonNode job = CommitmentScpOrthancIT.commitmentJob(httpPort);
            assertThat(job.get("State").asText()).isEqualTo("Success");
            assertThat(modality.reportsReceived.get()).isEqualTo(1);
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void twoNodesOnOnePostgresIndexReportEachRequestExactlyOnce(@TempDir Path dir) throws Exception {
        int requesterPort = Ports.freePort();
        String shared = ArchiveServer.freshPostgres() + ", \"StorageCommitmentRetryInitialDelay\": 100, "
                + "\"DicomModalities\": {\"m\": [\"STGCMTSCU\", \"127.0.0.1\", " + requesterPort + "]}";
        List<Path> files = TestInstances.secondaryCapture(dir.resolve("in"), "nodes", 2, 8, 7);
        try (ArchiveServer one = new ArchiveServer(dir, shared);
             ArchiveServer two = new ArchiveServer(dir, shared);
             CommitmentRequester modality = new CommitmentRequester("STGCMTSCU", requesterPort, WAIT)) {
            modality.listen();
            assertThat(one.storage).isEqualTo(two.storage);
            CommitmentScpOrthancIT.upload(one.httpPort(), files.get(0));
            CommitmentScpOrthancIT.upload(two.httpPort(), files.get(1));
            SopReference a = ref(files.get(0));
            SopReference b = ref(files.get(1));
            Commitment viaOne = modality.request(ArchiveServer.AET, one.dicomPort(), List.of(a, b));
            Commitment viaTwo = modality.request(ArchiveServer.AET, two.dicomPort(), List.of(b, a));
            assertThat(viaOne.report().get(WAIT.toSeconds(), TimeUnit.SECONDS).committed()).containsExactly(a, b);
            assertThat(viaTwo.report().get(WAIT.toSeconds(), TimeUnit.SECONDS).committed()).containsExactly(b, a);
            Awaitility.await("both jobs finished").atMost(WAIT).pollInterval(Duration.ofMillis(100))
                    .until(() -> finished(one.httpPort()) == 2);
            assertThat(finished(two.httpPort())).isEqualTo(2);
            assertThat(modality.reportsReceived.get()).isEqualTo(2);
        }
    }

    static SopReference ref(Path file) throws Exception {
        Part10 p = Part10.read(file);
        return new SopReference(p.sopClassUid(), p.sopInstanceUid());
    }

    static long finished(int http) throws Exception {
        long n = 0;
        for (JsonNode j : new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                dev.custodian.interop.support.Http.get(http, "/jobs?expand").body())) {
            if (j.get("Type").asText().equals("StorageCommitmentScp") && j.get("State").asText().equals("Success")) {
                n++;
            }
        }
        return n;
    }

    private static Process start(Path dir, Path config, String name) {
        return Tools.start(dir.resolve(name + ".log"), List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-jar", JAR.toString(), config.toString()));
    }
}
