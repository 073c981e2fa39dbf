package dev.custodian.interop.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.interop.support.Http;
import dev.custodian.interop.support.Orthanc;
import dev.custodian.interop.support.Pki;
import dev.custodian.interop.support.TestInstances;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DICOM TLS with Orthanc 1.10.1 (its {@code DicomTls*} keys, new in 1.9.0, and per-modality
 * {@code UseDicomTls}) in both directions, mutual certificate authentication against one test CA:
 * Orthanc's C-ECHO and C-STORE SCU to our listener, and our C-ECHO and C-STORE SCU to Orthanc.
 */
class OrthancTlsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;
    static Pki pki;
    static TlsArchive archive;
    static Orthanc orthanc;

    @BeforeAll
    static void start() throws Exception {
        pki = Pki.create(Files.createDirectories(work.resolve("pki")));
        archive = new TlsArchive(work.resolve("archive"), String.join(", ",
                "\"DicomTlsEnabled\": true",
                "\"DicomTlsCertificate\": \"" + pki.path("server.pem") + "\"",
                "\"DicomTlsPrivateKey\": \"" + pki.path("server.key") + "\"",
                "\"DicomTlsTrustedCertificates\": \"" + pki.path("ca.pem") + "\""));
        orthanc = Orthanc.start(work, "{\"custodian\": {\"AET\": \"" + TlsArchive.AET + "\", \"Host\": \"127.0.0.1\", "
                + "\"Port\": " + archive.dicomPort() + ", \"UseDicomTls\": true}}",
                "{\"DicomTlsEnabled\": true, \"DicomTlsCertificate\": \"" + pki.path("client.pem") + "\", "
                        + "\"DicomTlsPrivateKey\": \"" + pki.path("client.key") + "\", "
                        + "\"DicomTlsTrustedCertificates\": \"" + pki.path("ca.pem") + "\", "
                        + "\"DicomTlsRemoteCertificateRequired\": true}");
        var put = Http.send(java.net.http.HttpRequest.newBuilder(Http.uri(archive.httpPort(), "/modalities/orthanc"))
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"AET\": \"" + Orthanc.AET
                        + "\", \"Host\": \"127.0.0.1\", \"Port\": " + orthanc.dicomPort() + ", \"UseDicomTls\": true}")),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (orthanc != null) {
            orthanc.close("tls");
        }
        if (archive != null) {
            archive.close();
        }
    }

    @Test
    void orthancEchoesAndStoresToUsOverTls() throws Exception {
        List<Path> files = TestInstances.secondaryCapture(work.resolve("to-us"), "tls-in", 3, 32, 41L);
        List<String> ids = new ArrayList<>();
        for (Path f : files) {
            ids.add(orthanc.upload(Files.readAllBytes(f)));
        }
        var echo = Http.post(orthanc.httpPort(), "/modalities/custodian/echo", "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(echo.statusCode()).as(echo.body() + "\n" + orthanc.logTail()).isEqualTo(200);
        long before = archive.instances();
        var store = Http.post(orthanc.httpPort(), "/modalities/custodian/store", JSON.writeValueAsBytes(ids));
        assertThat(store.statusCode()).as(store.body() + "\n" + orthanc.logTail()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> archive.instances() == before + files.size());
    }

    @Test
    void orthancsStorageCommitmentRequestIsAnsweredWithAReportDeliveredOverTls() throws Exception {
        List<Path> files = TestInstances.secondaryCapture(work.resolve("commit"), "tls-commit", 2, 16, 43L);
        List<String[]> refs = new ArrayList<>();
        for (Path f : files) {
            assertThat(Http.post(archive.httpPort(), "/instances", Files.readAllBytes(f)).statusCode()).isEqualTo(200);
            var p = dev.custodian.interop.support.Part10.read(f);
            refs.add(new String[] {p.sopClassUid(), p.sopInstanceUid()});
        }
        refs.add(new String[] {TestInstances.SECONDARY_CAPTURE, "1.2.3.4.5.6.7.8.9.404"});
        String id = orthanc.requestStorageCommitment("custodian", refs);
        JsonNode report = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> orthanc.get("/storage-commitment/" + id), r -> !r.get("Status").asText().equals("Pending"));
        assertThat(report.get("Success")).as(report.toString()).hasSize(2);
        assertThat(report.get("Failures")).hasSize(1);
        assertThat(report.get("Failures").get(0).get("FailureReason").asInt()).isEqualTo(0x0112);
        // Orthanc's N-ACTION went out over TLS; its listener speaks TLS only, so the report that reached it
        // (on a new association, from our SCU) came over TLS too
        assertThat(orthanc.logLines("using DICOM TLS")).isNotEmpty();
    }

    @Test
    void weEchoAndStoreToOrthancOverTls() throws Exception {
        List<Path> files = TestInstances.secondaryCapture(work.resolve("to-orthanc"), "tls-out", 3, 32, 42L);
        List<String> ids = new ArrayList<>();
        for (Path f : files) {
            var up = Http.post(archive.httpPort(), "/instances", Files.readAllBytes(f));
            assertThat(up.statusCode()).isEqualTo(200);
            ids.add(JSON.readTree(up.body()).get("ID").asText());
        }
        var echo = Http.post(archive.httpPort(), "/modalities/orthanc/echo", new byte[0]);
        assertThat(echo.statusCode()).as(echo.body() + "\n" + orthanc.logTail()).isEqualTo(200);
        int before = orthanc.get("/instances").size();
        var store = Http.post(archive.httpPort(), "/modalities/orthanc/store", JSON.writeValueAsBytes(ids));
        assertThat(store.statusCode()).as(store.body() + "\n" + orthanc.logTail()).isEqualTo(200);
        JsonNode after = orthanc.get("/instances");
        assertThat(after.size()).isEqualTo(before + files.size());
        assertThat(orthanc.logLines("TLS")).isNotEmpty();
    }
}
