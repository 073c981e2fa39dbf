package dev.custodian.interop.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodian.interop.support.Http;
import dev.custodian.interop.support.LogCapture;
import dev.custodian.interop.support.Orthanc;
import dev.custodian.interop.support.Part10;
import dev.custodian.interop.support.Ports;
import dev.custodian.interop.support.TestInstances;
import dev.custodian.interop.support.Tools;
import dev.custodian.server.cli.Application;
import dev.custodian.server.config.ConfigLoader;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, plug-in check: Custodian loads the jars of {@code Plugins} and the plug-in decides what
 * is committed; Orthanc 1.10.1 is the modality asking (POST /modalities/{id}/storage-commitment)
 * and reading the report (GET /storage-commitment/{id}).
 */
class CommitmentPluginIT {
    private static final String AET = "CUSTODIAN";

    @TempDir
    Path dir;

    @Test
    void backupCheckCommitsWhatStorescpBackedUpAndFailsTheRest() throws Exception {
        List<Path> files = TestInstances.secondaryCapture(dir.resolve("in"), "bk", 2, 16, 91);
        Path backup = Files.createDirectories(dir.resolve("backup"));
        backUpWithStorescp(files.get(0), backup);
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(PluginJars.backupCheck(), plugins.resolve("custodian-backup-check.jar"));
        Files.writeString(plugins.resolve("backup-check.properties"), "folder = ../backup\n");

        int port = Ports.freePort();
        try (Orthanc orthanc = Orthanc.start(dir.resolve("orthanc"), modality(port));
             LogCapture log = new LogCapture();
             Application custodian = start(port, orthanc, "\"Plugins\": [\"plugins\"]")) {
            List<String[]> refs = upload(custodian, files);
            JsonNode report = commit(orthanc, refs);
            assertThat(report.get("Status").asText()).isEqualTo("Failure");
            assertThat(report.get("Success")).hasSize(1);
            assertThat(report.get("Success").get(0).get("SOPInstanceUID").asText()).isEqualTo(refs.get(0)[1]);
            assertThat(report.get("Failures")).hasSize(1);
            JsonNode failed = report.get("Failures").get(0);
            assertThat(failed.get("SOPInstanceUID").asText()).isEqualTo(refs.get(1)[1]);
            assertThat(failed.get("FailureReason").asInt()).isEqualTo(0x0112);
            assertThat(log.warnings()).noneMatch(w -> w.contains("plug-in"));

            // a modality added at run time may name the plug-in's check, but not one the server lacks
            assertThat(putModality(custodian, "ct2", "BackupCheck").statusCode()).isEqualTo(200);
            HttpResponse<String> unknown = putModality(custodian, "ct3", "Backup");
            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(unknown.body()).contains("StorageCommitmentCheck").contains("unknown Storage Commitment check")
                    .contains("BackupCheck");
            assertThat(Http.get(custodian.httpPort(), "/modalities/ct3").statusCode()).isEqualTo(404);
        }
    }

    private static HttpResponse<String> putModality(Application custodian, String name, String check)
            throws IOException, InterruptedException {
        String body = "{\"AET\": \"" + name.toUpperCase(java.util.Locale.ROOT) + "\", \"Host\": \"127.0.0.1\", "
                + "\"Port\": 104, \"StorageCommitmentCheck\": \"" + check + "\"}";
        return Http.send(HttpRequest.newBuilder(Http.uri(custodian.httpPort(), "/modalities/" + name))
                .PUT(HttpRequest.BodyPublishers.ofString(body)), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPluginThatThrowsOrHangsFailsThoseInstancesWith0110HAndTheServerGoesOn() throws Exception {
        List<Path> files = TestInstances.secondaryCapture(dir.resolve("in"), "un", 3, 16, 92);
        Path jar = PluginJars.of(UnrulyPlugin.class, dir.resolve("plugins/unruly.jar"));
        int port = Ports.freePort();
        try (Orthanc orthanc = Orthanc.start(dir.resolve("orthanc"), modality(port));
             LogCapture log = new LogCapture();
             Application custodian = start(port, orthanc,
                     "\"Plugins\": [\"" + jar + "\"], \"StorageCommitmentPluginTimeout\": 1")) {
            List<String[]> refs = upload(custodian, files);
            JsonNode report = commit(orthanc, refs);
            assertThat(report.get("Status").asText()).isEqualTo("Failure");
            assertThat(report.get("Success")).extracting(s -> s.get("SOPInstanceUID").asText())
                    .containsExactly(refs.get(0)[1]);
            assertThat(report.get("Failures")).extracting(f -> f.get("SOPInstanceUID").asText())
                    .containsExactlyInAnyOrder(refs.get(1)[1], refs.get(2)[1]);
            assertThat(report.get("Failures")).allSatisfy(f -> assertThat(f.get("FailureReason").asInt())
                    .isEqualTo(0x0110));
            assertThat(log.warnings()).filteredOn(w -> w.contains("plug-in Unruly")).singleElement().asString()
                    .contains("1 threw").contains("1 timed out");

            JsonNode again = commit(orthanc, refs.subList(0, 1));
            assertThat(again.get("Status").asText()).isEqualTo("Success");
            var echo = Http.post(orthanc.httpPort(), "/modalities/custodian/echo", new byte[0]);
            assertThat(echo.statusCode()).as(echo.body()).isEqualTo(200);
        }
    }

    private static String modality(int custodianPort) {
        return "{ \"custodian\": [\"" + AET + "\", \"127.0.0.1\", " + custodianPort + "] }";
    }

    private Application start(int port, Orthanc orthanc, String pluginKeys) throws IOException {
        Path storage = Files.createDirectories(dir.resolve("storage"));
        String json = "{ \"DicomAet\": \"" + AET + "\", \"DicomPort\": " + port + ", \"HttpPort\": 0, "
                + "\"StorageDirectory\": \"" + storage + "\", "
                + "\"DicomModalities\": { \"orthanc\": [\"ORTHANC\", \"127.0.0.1\", " + orthanc.dicomPort() + "] }, "
                + pluginKeys + " }";
        Files.writeString(dir.resolve("custodian.json"), json);
        return Application.start(ConfigLoader.load(dir.resolve("custodian.json")), "127.0.0.1", "it",
                Clock.systemUTC());
    }

    /** Stores {@code file} into {@code backup} through DCMTK storescp (default naming, a folder per study). */
    private void backUpWithStorescp(Path file, Path backup) throws IOException {
        int port = Ports.freePort();
        Process storescp = Tools.start(dir.resolve("storescp.log"), List.of("storescp", "-aet", "BACKUP",
                "-od", backup.toString(), "-su", "st", Integer.toString(port)));
        try {
            Ports.awaitListening(port);
            Tools.run("storescu", "-aec", "BACKUP", "127.0.0.1", Integer.toString(port), file.toString())
                    .requireSuccess("storescu");
        } finally {
            Tools.stop(storescp, Duration.ofSeconds(5));
        }
    }

    /** Uploads {@code files} to Custodian; their [SOP Class UID, SOP Instance UID] pairs. */
    private static List<String[]> upload(Application custodian, List<Path> files) throws Exception {
        List<String[]> refs = new ArrayList<>();
        for (Path f : files) {
            assertThat(Http.post(custodian.httpPort(), "/instances", Files.readAllBytes(f)).statusCode())
                    .isEqualTo(200);
            Part10 p = Part10.read(f);
            refs.add(new String[] {p.sopClassUid(), p.sopInstanceUid()});
        }
        return refs;
    }

    /** Orthanc asks Custodian to commit {@code refs}; its report once it is no longer Pending. */
    private static JsonNode commit(Orthanc orthanc, List<String[]> refs) throws IOException {
        String id = orthanc.requestStorageCommitment("custodian", refs);
        return Awaitility.await("the report of " + id).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> orthanc.get("/storage-commitment/" + id), r -> !r.get("Status").asText().equals("Pending"));
    }
}
