package dev.custodian.interop.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.interop.support.Http;
import dev.custodian.interop.support.Orthanc;
import dev.custodian.interop.support.Ports;
import dev.custodian.interop.support.TestInstances;
import dev.custodian.interop.support.Tools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #4, REST SCU: {@code POST /modalities/{id}/echo} and {@code /store} against DCMTK storescp
 * and against a running Orthanc (which then holds the instances under the same IDs).
 */
class ArchiveScuIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void echoAndStoreToStorescpAndToOrthanc(@TempDir Path dir) throws Exception {
        List<Path> files = TestInstances.ct(dir.resolve("in"), 6, 0.05);
        int scpPort = Ports.freePort();
        int closedPort = Ports.freePort();
        Path received = Files.createDirectories(dir.resolve("received"));
        Process storescp = Tools.start(dir.resolve("storescp.log"), List.of("storescp", "-aet", "STORESCP",
                "--output-directory", received.toString(), Integer.toString(scpPort)));
        try (Orthanc orthanc = Orthanc.start(dir, "{ \"custodian\": [\"CUSTODIAN\", \"127.0.0.1\", 104] }")) {
            Ports.awaitListening(scpPort);
            String modalities = "\"DicomModalities\": { \"scp\": [\"STORESCP\", \"127.0.0.1\", " + scpPort + "],"
                    + " \"orthanc\": [\"ORTHANC\", \"127.0.0.1\", " + orthanc.dicomPort() + "],"
                    + " \"nobody\": [\"NOBODY\", \"127.0.0.1\", " + closedPort + "] }";
            try (ArchiveServer server = new ArchiveServer(dir, modalities)) {
                int http = server.httpPort();
                for (Path f : files) {
                    assertThat(Http.post(http, "/instances", Files.readAllBytes(f)).statusCode()).isEqualTo(200);
                }
                Set<String> ours = ArchiveIngestIT.ids(http, "/instances");
                String study = ArchiveIngestIT.ids(http, "/studies").iterator().next();

                var echo = Http.post(http, "/modalities/scp/echo", new byte[0]);
                assertThat(echo.statusCode()).as(echo.body()).isEqualTo(200);
                assertThat(JSON.readTree(echo.body()).isEmpty()).isTrue();
                var refused = Http.post(http, "/modalities/nobody/echo", new byte[0]);
                assertThat(refused.statusCode()).isEqualTo(500);
                assertThat(JSON.readTree(refused.body()).get("Message").asText()).isEqualTo("Error in the network protocol");
                assertThat(Http.post(http, "/modalities/missing/echo", new byte[0]).statusCode()).isEqualTo(404);

                var toScp = Http.post(http, "/modalities/scp/store", study.getBytes(StandardCharsets.US_ASCII));
                assertThat(toScp.statusCode()).as(toScp.body()).isEqualTo(200);
                JsonNode answer = JSON.readTree(toScp.body());
                assertThat(answer.get("InstancesCount").asInt()).isEqualTo(6);
                assertThat(answer.get("FailedInstancesCount").asInt()).isZero();
                assertThat(answer.get("LocalAet").asText()).isEqualTo("CUSTODIAN");
                assertThat(answer.get("RemoteAet").asText()).isEqualTo("STORESCP");
                assertThat(answer.get("ParentResources").get(0).asText()).isEqualTo(study);
                assertThat(answer.get("Description").asText()).isEqualTo("REST API");
                try (Stream<Path> s = Files.list(received)) {
                    assertThat(s.count()).isEqualTo(6);
                }

                String body = "{ \"Resources\": " + JSON.writeValueAsString(List.copyOf(ours)) + ", \"Synchronous\": true }";
                var toOrthanc = Http.post(http, "/modalities/orthanc/store", body.getBytes(StandardCharsets.UTF_8));
                assertThat(toOrthanc.statusCode()).as(toOrthanc.body()).isEqualTo(200);
                assertThat(JSON.readTree(toOrthanc.body()).get("InstancesCount").asInt()).isEqualTo(6);
                assertThat(ArchiveIngestIT.ids(orthanc.httpPort(), "/instances")).isEqualTo(ours);
                assertThat(Http.post(http, "/modalities/orthanc/store", "[\"nope\"]".getBytes(StandardCharsets.UTF_8))
                        .statusCode()).isEqualTo(404);
            }
        } finally {
            storescp.destroy();
            storescp.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
