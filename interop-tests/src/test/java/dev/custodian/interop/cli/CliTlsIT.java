package dev.custodian.interop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.interop.support.Orthanc;
import dev.custodian.interop.support.Part10;
import dev.custodian.interop.support.Pki;
import dev.custodian.interop.support.Ports;
import dev.custodian.interop.support.TestFiles;
import dev.custodian.interop.support.TestInstances;
import dev.custodian.interop.support.Tools;
import dev.custodian.server.cli.Application;
import dev.custodian.server.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tools' {@code --tls} (PS3.15 Annex B.1) against real peers, with a throw-away CA: C-ECHO and
 * C-STORE to DCMTK {@code storescp +tls} that requires our certificate (files arrive byte for
 * byte); Storage Commitment with Custodian's own SCP (DicomTlsEnabled, the modality with
 * UseDicomTls), the report delivered over TLS to the {@code -b} listener, and on the request's
 * association with {@code --keep-alive}; {@code store --tls --stgcmt} to Custodian and to Orthanc
 * 1.10.1 with DICOM TLS (the report to the TLS listener). Then the failures, one line
 * each: a plain-TCP port, an untrusted server certificate (exit code 3), unusable PEM files and
 * option combinations (exit code 4).
 */
class CliTlsIT {
    static final String AET = "CUSTODIAN";
    @TempDir
    static Path dir;
    static Pki pki;
    static Application custodian;
    static String called;
    static String bind;

    @TempDir
    Path received;
    private final List<Process> peers = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        pki = Pki.create(Files.createDirectories(dir.resolve("pki")));
        Path storage = Files.createDirectories(dir.resolve("storage"));
        int listenPort = Ports.freePort();
        bind = "STGCMTSCU@127.0.0.1:" + listenPort;
        String json = "{ \"DicomAet\": \"" + AET + "\", \"DicomPort\": 0, \"HttpPort\": 0, \"StorageDirectory\": \""
                + storage + "\", \"DicomCheckCalledAet\": true, \"DicomTlsEnabled\": true, "
                + "\"DicomTlsCertificate\": \"" + pki.path("server.pem") + "\", "
                + "\"DicomTlsPrivateKey\": \"" + pki.path("server.key") + "\", "
                + "\"DicomTlsTrustedCertificates\": \"" + pki.path("ca.pem") + "\", "
                + "\"DicomModalities\": { "
                + "\"scu\": { \"AET\": \"STGCMTSCU\", \"Host\": \"127.0.0.1\", \"Port\": " + listenPort
                + ", \"UseDicomTls\": true }, "
                + "\"same\": { \"AET\": \"SAMEASSOC\", \"Host\": \"127.0.0.1\", \"Port\": " + Ports.freePort()
                + ", \"UseDicomTls\": true, \"StorageCommitmentReportOnSameAssociation\": true } } }";
        custodian = Application.start(ConfigLoader.parse(json, dir), "127.0.0.1", "it", Clock.systemUTC());
        called = AET + "@127.0.0.1:" + custodian.dicomPort();
    }

    @AfterAll
    static void stop() {
        if (custodian != null) {
            custodian.close();
        }
    }

    @AfterEach
    void stopPeers() {
        peers.forEach(p -> Tools.stop(p, Duration.ofSeconds(10)));
    }

    /** Our certificate and the CA's: what a modality gives. */
    private static List<Object> tls(Object... more) {
        List<Object> args = new ArrayList<>(List.of("--tls", "--tls-cert", pki.path("client.pem"), "--tls-key",
                pki.path("client.key"), "--tls-trusted", pki.path("ca.pem")));
        args.addAll(List.of(more));
        return args;
    }

    private static Tools.Streams cli(String tool, List<Object> args) {
        List<Object> all = new ArrayList<>(List.of(tool));
        all.addAll(args);
        return CustodianCli.run(all.toArray());
    }

    private int storescp(String... tls) throws IOException {
        int port = Ports.freePort();
        Path log = dir.resolve("storescp-" + port + ".log");
        List<String> cmd = new ArrayList<>(List.of("storescp", "-aet", "STORESCP", "-od", received.toString()));
        cmd.addAll(List.of(tls));
        cmd.add(String.valueOf(port));
        Process p = Tools.start(log, cmd);
        peers.add(p);
        Ports.awaitListening(port, p, log);
        return port;
    }

    @Test
    void echoAndStoreOverTlsToStorescpThatRequiresOurCertificate() throws Exception {
        List<Path> files = TestInstances.ct(dir.resolve("to-storescp"), 20, 0.01);
        String peer = "STORESCP@127.0.0.1:" + storescp("+tls", pki.path("server.key"), pki.path("server.pem"),
                "+cf", pki.path("ca.pem"));

        Tools.Streams echo = cli("echo", tls("-c", peer));
        Tools.Streams store = cli("store", tls("-c", peer, dir.resolve("to-storescp")));

        assertThat(echo.exitCode()).as(echo.stderr()).isZero();
        assertThat(echo.stdoutLatin1()).contains("C-ECHO " + peer + ": Success, round trip ");
        assertThat(store.exitCode()).as(store.stderr()).isZero();
        assertThat(store.stdoutLatin1()).contains("Sent 20 of 20 instances");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> TestFiles.filesIn(received).size() == 20);
        assertThat(TestFiles.dataSetDigests(TestFiles.filesIn(received))).isEqualTo(TestFiles.dataSetDigests(files));
    }

    @Test
    void storeWithStgcmtOverTlsGetsTheReportOverTlsOnTheListener() throws Exception {
        List<Path> files = TestInstances.ct(dir.resolve("to-custodian"), 5, 0.005);
        Path uncommitted = TestInstances.ct(dir.resolve("never-stored"), 1, 0.005).get(0);

        Tools.Streams store = cli("store", tls("-c", called, "-b", bind, "--stgcmt", dir.resolve("to-custodian")));
        Tools.Streams again = cli("stgcmt", tls("-c", called, "-b", bind, files.get(0), uncommitted));

        assertThat(store.exitCode()).as(store.stderr()).isZero();
        assertThat(store.stdoutLatin1()).contains("Sent 5 of 5 instances", "Success: 5 committed, 0 failed");
        // the listener speaks TLS only: a report is proof that it came over TLS
        assertThat(again.exitCode()).as(again.stderr()).isEqualTo(1);
        assertThat(again.stdoutLatin1()).contains("committed  " + Part10.read(files.get(0)).sopInstanceUid(),
                "failed     " + Part10.read(uncommitted).sopInstanceUid(), "Failure Reason 274");
    }

    @Test
    void storeWithStgcmtOverTlsToOrthancIsCommittedThroughTheTlsListener() throws Exception {
        List<Path> files = TestInstances.ct(dir.resolve("to-orthanc"), 8, 0.005);
        int port = Ports.freePort();
        try (Orthanc orthanc = Orthanc.start(dir.resolve("orthanc"), "{\"scu\": {\"AET\": \"STGCMTSCU\", "
                + "\"Host\": \"127.0.0.1\", \"Port\": " + port + ", \"UseDicomTls\": true}}",
                "{\"DicomTlsEnabled\": true, \"DicomTlsCertificate\": \"" + pki.path("server.pem") + "\", "
                        + "\"DicomTlsPrivateKey\": \"" + pki.path("server.key") + "\", "
                        + "\"DicomTlsTrustedCertificates\": \"" + pki.path("ca.pem") + "\", "
                        + "\"DicomTlsRemoteCertificateRequired\": true}")) {
            String peer = Orthanc.AET + "@127.0.0.1:" + orthanc.dicomPort();

            Tools.Streams r = cli("store", tls("-c", peer, "-b", "STGCMTSCU@127.0.0.1:" + port, "--stgcmt",
                    dir.resolve("to-orthanc")));

            assertThat(r.exitCode()).as(r.stderr() + "\n" + orthanc.logTail()).isZero();
            assertThat(r.stdoutLatin1()).contains("Sent 8 of 8 instances", "Success: 8 committed, 0 failed");
            assertThat(orthanc.get("/instances")).hasSize(files.size());
        }
    }

    @Test
    void keepAliveOverTlsTakesTheReportOnTheRequestsAssociation() throws Exception {
        Path file = TestInstances.ct(dir.resolve("same"), 1, 0.005).get(0);
        assertThat(cli("store", tls("-c", called, file)).exitCode()).isZero();

        Tools.Streams noListener = cli("stgcmt", tls("-c", called, "-b", "SAMEASSOC", "--keep-alive", file));
        Tools.Streams withListener = cli("stgcmt", tls("-c", called, "-b", bind, "--keep-alive", file));

        assertThat(noListener.exitCode()).as(noListener.stderr()).isZero();
        assertThat(noListener.stdoutLatin1()).contains("Success: 1 committed, 0 failed");
        assertThat(withListener.exitCode()).as(withListener.stderr()).isZero();
        assertThat(withListener.stdoutLatin1()).contains("Success: 1 committed, 0 failed");
    }

    @Test
    void tlsToAPlainTcpPortIsExitCode3WithOneLine() throws Exception {
        String peer = "STORESCP@127.0.0.1:" + storescp();

        Tools.Streams r = cli("echo", tls("-c", peer));

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(CustodianCli.lines(r.stderr())).singleElement().asString()
                .startsWith("custodian echo: cannot associate with " + peer + ": ")
                .contains("is that the peer's DICOM TLS port");
    }

    @Test
    void anUntrustedServerCertificateIsExitCode3NamingTheVerificationFailure() throws Exception {
        String peer = "STORESCP@127.0.0.1:" + storescp("+tls", pki.path("rogue.key"), pki.path("rogue.pem"), "-ic");
        Path file = TestInstances.ct(dir.resolve("not-sent"), 1, 0.005).get(0);

        Tools.Streams store = cli("store", tls("-c", peer, file));
        Tools.Streams custodianWithoutTrust = cli("echo", List.of("--tls", "-c", called));

        assertThat(store.exitCode()).isEqualTo(3);
        assertThat(CustodianCli.lines(store.stderr())).singleElement().asString()
                .isEqualTo("custodian store: cannot associate with " + peer + ": TLS handshake failed: the peer's "
                        + "certificate is not trusted (unable to find valid certification path to requested target); "
                        + "give the certificate of the CA that signed it with --tls-trusted");
        assertThat(TestFiles.filesIn(received)).isEmpty();
        // without --tls-trusted the JDK's default trust store knows no test CA
        assertThat(custodianWithoutTrust.exitCode()).isEqualTo(3);
        assertThat(CustodianCli.lines(custodianWithoutTrust.stderr())).singleElement().asString()
                .contains("the peer's certificate is not trusted");
    }

    @Test
    void unusablePemFilesAndOptionsAreExitCode4WithOneLineNamingTheOption() throws Exception {
        Path missing = dir.resolve("missing.pem");
        Path notPem = Files.writeString(dir.resolve("not.pem"), "not a certificate");

        Tools.Streams noFile = cli("echo", List.of("--tls", "--tls-trusted", missing, "-c", called));
        Tools.Streams noCert = cli("echo", List.of("--tls", "--tls-cert", notPem, "--tls-key", pki.path("client.key"),
                "-c", called));
        Tools.Streams wrongKey = cli("echo", List.of("--tls", "--tls-cert", pki.path("client.pem"), "--tls-key",
                pki.path("rogue.key"), "-c", called));
        Tools.Streams listenerWithoutCert = cli("stgcmt", List.of("--tls", "--tls-trusted", pki.path("ca.pem"), "-b",
                bind, "-c", called, "--uid", "1.2.840.10008.5.1.4.1.1.2:1.2.3.4"));
        Tools.Streams withoutTls = cli("store", List.of("--tls-trusted", pki.path("ca.pem"), "-c", called, notPem));

        assertThat(List.of(noFile, noCert, wrongKey, listenerWithoutCert, withoutTls))
                .allSatisfy(r -> assertThat(r.exitCode()).as(r.stderr()).isEqualTo(4));
        assertThat(CustodianCli.lines(noFile.stderr())).singleElement().asString()
                .startsWith("custodian echo: --tls-trusted: cannot read " + missing);
        assertThat(CustodianCli.lines(noCert.stderr())).containsExactly("custodian echo: --tls-cert: " + notPem
                + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        assertThat(CustodianCli.lines(wrongKey.stderr())).containsExactly("custodian echo: --tls-key: the private key "
                + "in " + pki.path("rogue.key") + " does not match the certificate in " + pki.path("client.pem")
                + " (--tls-cert)");
        assertThat(CustodianCli.lines(listenerWithoutCert.stderr())).singleElement().asString()
                .startsWith("custodian stgcmt: --tls with a -b listener needs our certificate: --tls-cert and --tls-key");
        assertThat(CustodianCli.lines(withoutTls.stderr()))
                .containsExactly("custodian store: --tls-trusted is given without --tls");
    }
}
