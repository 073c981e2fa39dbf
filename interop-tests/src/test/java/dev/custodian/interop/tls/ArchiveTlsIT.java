package dev.custodian.interop.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.interop.support.Http;
import dev.custodian.interop.support.LogCapture;
import dev.custodian.interop.support.Pki;
import dev.custodian.interop.support.Ports;
import dev.custodian.interop.support.TestFiles;
import dev.custodian.interop.support.TestInstances;
import dev.custodian.interop.support.Tools;
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
 * The archive with Orthanc's DICOM TLS keys (PS3.15 Annex B; PEM files from a test CA): DCMTK
 * {@code storescu +tls} / {@code echoscu +tls} to our listener, our C-STORE SCU to a modality with
 * {@code UseDicomTls} ({@code storescp +tls}), and what must be refused without disturbing anything
 * else: a plain-TCP peer, a client certificate the CA did not sign, a TLS 1.0 client, a remote
 * whose certificate we do not trust.
 */
class ArchiveTlsIT {
    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;
    static Pki pki;
    static List<Path> files;
    static int tlsScpPort;
    static int rogueScpPort;
    static TlsArchive archive;

    @BeforeAll
    static void start() throws Exception {
        pki = Pki.create(Files.createDirectories(work.resolve("pki")));
        files = TestInstances.secondaryCapture(work.resolve("data"), "tls", 3, 64, 31L);
        tlsScpPort = Ports.freePort();
        rogueScpPort = Ports.freePort();
        archive = new TlsArchive(work.resolve("archive"), String.join(", ",
                "\"DicomTlsEnabled\": true",
                "\"DicomTlsCertificate\": \"" + pki.path("server.pem") + "\"",
                "\"DicomTlsPrivateKey\": \"" + pki.path("server.key") + "\"",
                "\"DicomTlsTrustedCertificates\": \"" + pki.path("ca.pem") + "\"",
                "\"DicomModalities\": {"
                        + "\"tlsscp\": {\"AET\": \"STORESCP\", \"Host\": \"127.0.0.1\", \"Port\": " + tlsScpPort
                        + ", \"UseDicomTls\": true},"
                        + "\"rogue\": {\"AET\": \"STORESCP\", \"Host\": \"127.0.0.1\", \"Port\": " + rogueScpPort
                        + ", \"UseDicomTls\": true}}"));
    }

    @AfterAll
    static void stop() {
        if (archive != null) {
            archive.close();
        }
    }

    private static Tools.Result storescu(String... tls) {
        List<String> cmd = new ArrayList<>(List.of("storescu", "-aet", "MODALITY", "-aec", TlsArchive.AET));
        cmd.addAll(List.of(tls));
        cmd.addAll(List.of("127.0.0.1", String.valueOf(archive.dicomPort())));
        files.forEach(f -> cmd.add(f.toString()));
        return Tools.run(LIMIT, cmd);
    }

    private static Tools.Result trustedStorescu() {
        return storescu("+tls", pki.path("client.key"), pki.path("client.pem"), "+cf", pki.path("ca.pem"));
    }

    @Test
    void storescuAndEchoscuOverTlsAreAnsweredAndStored() {
        Tools.run(LIMIT, "echoscu", "-aet", "MODALITY", "-aec", TlsArchive.AET, "+tls", pki.path("client.key"),
                pki.path("client.pem"), "+cf", pki.path("ca.pem"), "127.0.0.1",
                String.valueOf(archive.dicomPort())).requireSuccess("echoscu +tls");
        trustedStorescu().requireSuccess("storescu +tls");
        assertThat(archive.instances()).isGreaterThanOrEqualTo(files.size());
    }

    @Test
    void plainTcpUntrustedCertificateAndTls10AreRefusedOnceEachAndNothingElseIsDisturbed() throws Exception {
        trustedStorescu().requireSuccess("storescu +tls");
        long before = archive.instances();
        try (LogCapture log = new LogCapture()) {
            Tools.Result plain = storescu();
            assertThat(plain.exitCode()).as(plain.output()).isNotZero();
            Tools.Result rogue = storescu("+tls", pki.path("rogue.key"), pki.path("rogue.pem"), "+cf",
                    pki.path("ca.pem"));
            assertThat(rogue.exitCode()).as(rogue.output()).isNotZero();
            Tools.Result tls10 = Tools.run(LIMIT, "sh", "-c", "openssl s_client -connect 127.0.0.1:"
                    + archive.dicomPort() + " -tls1 -cipher DEFAULT@SECLEVEL=0 -cert " + pki.path("client.pem")
                    + " -key " + pki.path("client.key") + " </dev/null");
            assertThat(tls10.exitCode()).as(tls10.output()).isNotZero();
            await().atMost(Duration.ofSeconds(10)).until(() -> refusals(log).size() >= 3);
            assertThat(refusals(log)).as(String.join("\n", log.warnings())).hasSize(3);
        }
        trustedStorescu().requireSuccess("storescu +tls after the refusals");
        assertThat(archive.instances()).isEqualTo(before);
    }

    private static List<String> refusals(LogCapture log) {
        return log.warnings().stream().filter(l -> l.contains("TLS")).toList();
    }

    @Test
    void ourScuWithUseDicomTlsStoresOnStorescpOverTlsAndRefusesAnUntrustedOne() throws Exception {
        trustedStorescu().requireSuccess("storescu +tls");
        Path received = Files.createDirectories(work.resolve("received"));
        Path log = work.resolve("storescp.log");
        Process storescp = Tools.start(log, List.of("storescp", "-aet", "STORESCP", "-od", received.toString(),
                "+tls", pki.path("server.key"), pki.path("server.pem"), "+cf", pki.path("ca.pem"),
                String.valueOf(tlsScpPort)));
        Path rogueLog = work.resolve("rogue.log");
        Process rogue = Tools.start(rogueLog, List.of("storescp", "-aet", "STORESCP", "-od", received.toString(),
                "+tls", pki.path("rogue.key"), pki.path("rogue.pem"), "-ic", String.valueOf(rogueScpPort)));
        try {
            Ports.awaitListening(tlsScpPort, storescp, log);
            Ports.awaitListening(rogueScpPort, rogue, rogueLog);
            byte[] ids = JSON.writeValueAsBytes(instanceIds());
            var stored = Http.post(archive.httpPort(), "/modalities/tlsscp/store", ids);
            assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(20)).until(() -> TestFiles.filesIn(received).size() == files.size());
            assertThat(TestFiles.dataSetDigests(TestFiles.filesIn(received))).isEqualTo(TestFiles.dataSetDigests(files));

            var refused = Http.post(archive.httpPort(), "/modalities/rogue/store", ids);
            assertThat(refused.statusCode()).as(refused.body()).isNotEqualTo(200);
            assertThat(refused.body()).containsIgnoringCase("certificat");
            assertThat(TestFiles.filesIn(received)).hasSize(files.size());
        } finally {
            Tools.stop(storescp, Duration.ofSeconds(10));
            Tools.stop(rogue, Duration.ofSeconds(10));
        }
    }

    private static List<String> instanceIds() throws Exception {
        JsonNode all = JSON.readTree(Http.get(archive.httpPort(), "/instances").body());
        List<String> ids = new ArrayList<>();
        all.forEach(n -> ids.add(n.asText()));
        assertThat(ids).hasSize(files.size());
        return ids;
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
