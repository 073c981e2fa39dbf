package dev.custodian.interop.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.custodian.interop.support.LogCapture;
import dev.custodian.interop.support.Pki;
import dev.custodian.interop.support.Tools;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REST API over HTTPS with Orthanc's keys: {@code SslCertificate} (key + chain in one PEM),
 * {@code SslVerifyPeers} with {@code SslTrustedClientCertificates}. java.net.http and curl as
 * clients; plain HTTP, a missing or untrusted client certificate and TLS 1.0 are refused, each with
 * one warning, and the server goes on answering trusted clients.
 */
class HttpsIT {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    static Path work;
    static Pki pki;

    @BeforeAll
    static void makePki() throws IOException {
        pki = Pki.create(Files.createDirectories(work.resolve("pki")));
    }

    private static String ssl(boolean verifyPeers) {
        return "\"SslEnabled\": true, \"SslCertificate\": \"" + pki.path("server-bundle.pem") + "\", "
                + "\"SslVerifyPeers\": " + verifyPeers + ", \"SslTrustedClientCertificates\": \""
                + pki.path("ca.pem") + "\"";
    }

    private static HttpClient client(String clientP12) throws Exception {
        KeyStore trust = load("trust.p12");
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = null;
        if (clientP12 != null) {
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(load(clientP12), Pki.PASSWORD);
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ctx).connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static KeyStore load(String name) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(pki.file(name))) {
            ks.load(in, Pki.PASSWORD);
        }
        return ks;
    }

    private static HttpResponse<String> get(HttpClient client, String scheme, int port) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(scheme + "://localhost:" + port + "/system"))
                .timeout(LIMIT).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void httpsAnswersWithTheCertificateOfSslCertificateAndRefusesPlainHttpAndTls10() throws Exception {
        try (TlsArchive archive = new TlsArchive(work.resolve("one-way"), ssl(false))) {
            int port = archive.httpPort();
            assertThat(get(client(null), "https", port).statusCode()).isEqualTo(200);
            Tools.Result curl = Tools.run(LIMIT, "curl", "-sS", "--fail", "--cacert", pki.path("ca.pem"),
                    "https://127.0.0.1:" + port + "/system");
            assertThat(curl.exitCode()).as(curl.output()).isZero();
            assertThat(curl.output()).contains("\"DicomAet\"");
            try (LogCapture log = new LogCapture()) {
                assertThatThrownBy(() -> get(HttpClient.newHttpClient(), "http", port)).isInstanceOf(IOException.class);
                Tools.Result tls10 = Tools.run(LIMIT, "curl", "-sS", "--cacert", pki.path("ca.pem"), "--tlsv1.0",
                        "--tls-max", "1.0", "--ciphers", "DEFAULT@SECLEVEL=0", "https://127.0.0.1:" + port + "/system");
                assertThat(tls10.exitCode()).as(tls10.output()).isNotZero();
                await().atMost(Duration.ofSeconds(10)).until(() -> refusals(log).size() >= 2);
                assertThat(refusals(log)).as(String.join("\n", log.warnings())).hasSize(2);
            }
            assertThat(get(client(null), "https", port).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void withSslVerifyPeersOnlyClientsWithATrustedCertificateGetAnAnswer() throws Exception {
        try (TlsArchive archive = new TlsArchive(work.resolve("mutual"), ssl(true))) {
            int port = archive.httpPort();
            assertThat(get(client("client.p12"), "https", port).statusCode()).isEqualTo(200);
            assertThatThrownBy(() -> get(client(null), "https", port)).isInstanceOf(IOException.class);
            try (LogCapture log = new LogCapture()) {
                // curl: one connection per attempt (java.net.http retries a failed GET once on a new one)
                Tools.Result none = Tools.run(LIMIT, "curl", "-sS", "--fail", "--cacert", pki.path("ca.pem"),
                        "https://127.0.0.1:" + port + "/system");
                assertThat(none.exitCode()).as(none.output()).isNotZero();
                Tools.Result rogue = Tools.run(LIMIT, "curl", "-sS", "--fail", "--cacert", pki.path("ca.pem"),
                        "--cert", pki.path("rogue.pem"), "--key", pki.path("rogue.key"),
                        "https://127.0.0.1:" + port + "/system");
                assertThat(rogue.exitCode()).as(rogue.output()).isNotZero();
                await().atMost(Duration.ofSeconds(10)).until(() -> refusals(log).size() >= 2);
                assertThat(refusals(log)).as(String.join("\n", log.warnings())).hasSize(2);
            }
            Tools.Result trusted = Tools.run(LIMIT, "curl", "-sS", "--fail", "--cacert", pki.path("ca.pem"),
                    "--cert", pki.path("client.pem"), "--key", pki.path("client.key"),
                    "https://127.0.0.1:" + port + "/system");
            assertThat(trusted.exitCode()).as(trusted.output()).isZero();
        }
    }

    private static List<String> refusals(LogCapture log) {
        return log.warnings().stream().filter(l -> l.contains("HTTPS connection from")).toList();
    }
}
