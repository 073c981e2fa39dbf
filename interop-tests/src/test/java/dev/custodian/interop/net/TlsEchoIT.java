package dev.custodian.interop.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.interop.support.Tools;
import dev.custodian.net.transport.DicomRequestor;
import dev.custodian.net.transport.RequestorConfig;
import dev.custodian.net.transport.TlsConfig;
import dev.custodian.net.ul.Association;
import dev.custodian.net.ul.AssociationProposal;
import dev.custodian.net.ul.AssociationSettings;
import dev.custodian.net.ul.DataSink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DICOM TLS (PS3.15 Annex B) on our acceptor: DCMTK echoscu +tls, and our own requestor. */
class TlsEchoIT {

    private static final char[] PASSWORD = "changeit".toCharArray();
    private static Path dir;

    @BeforeAll
    static void makeCertificates() throws Exception {
        dir = NetFixture.tempDir();
        run("keytool", "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", p("server.p12"), "-storepass", "changeit", "-keypass", "changeit");
        run("keytool", "-exportcert", "-rfc", "-alias", "server", "-keystore", p("server.p12"), "-storepass", "changeit",
                "-file", p("server.pem"));
        run("keytool", "-importcert", "-noprompt", "-alias", "server", "-file", p("server.pem"),
                "-keystore", p("trust-server.p12"), "-storetype", "PKCS12", "-storepass", "changeit");
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", p("client.key"), "-out",
                p("client.pem"), "-days", "2", "-subj", "/CN=echoscu");
        run("keytool", "-importcert", "-noprompt", "-alias", "client", "-file", p("client.pem"),
                "-keystore", p("trust-clients.p12"), "-storetype", "PKCS12", "-storepass", "changeit");
    }

    private static String p(String name) {
        return dir.resolve(name).toString();
    }

    private static void run(String... cmd) throws Exception {
        Tools.Result r = Tools.run(Duration.ofSeconds(60), cmd);
        assertThat(r.exitCode()).as(String.join(" ", cmd) + "\n" + r.output()).isZero();
    }

    private static TlsConfig serverTls(TlsConfig.ClientAuth auth) throws java.io.IOException {
        return TlsConfig.fromPkcs12(dir.resolve("server.p12"), PASSWORD, dir.resolve("trust-clients.p12"), PASSWORD, auth,
                TlsConfig.DEFAULT_PROTOCOLS);
    }

    @Test
    void echoscuWithClientCertificateSucceedsOverTls() throws Exception {
        try (NetFixture f = new NetFixture(4, serverTls(TlsConfig.ClientAuth.REQUIRED))) {
            Tools.Result run = f.echoscu(NetFixture.AE, "+tls", p("client.key"), p("client.pem"), "+cf", p("server.pem"));
            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output()).contains("Received Echo Response (Success)");
            assertThat(f.echo.echoes).hasValue(1);
            f.awaitQuiet();
        }
    }

    @Test
    void echoscuWithoutClientCertificateFailsWhenOneIsRequired() throws Exception {
        try (NetFixture f = new NetFixture(4, serverTls(TlsConfig.ClientAuth.REQUIRED))) {
            Tools.Result run = f.echoscu(NetFixture.AE, "+tla", "+cf", p("server.pem"));
            assertThat(run.exitCode()).as(run.output()).isNotZero();
            assertThat(f.echo.echoes).hasValue(0);
            f.awaitQuiet();
            Tools.Result ok = f.echoscu(NetFixture.AE, "+tls", p("client.key"), p("client.pem"), "+cf", p("server.pem"));
            assertThat(ok.exitCode()).as(ok.output()).isZero();
        }
    }

    @Test
    void plainEchoscuAgainstTheTlsPortFails() throws Exception {
        try (NetFixture f = new NetFixture(4, serverTls(TlsConfig.ClientAuth.OPTIONAL))) {
            Tools.Result run = f.echoscu(NetFixture.AE);
            assertThat(run.exitCode()).as(run.output()).isNotZero();
            f.awaitQuiet();
        }
    }

    @Test
    void ourRequestorTalksTlsToOurAcceptor() throws Exception {
        try (NetFixture f = new NetFixture(4, serverTls(TlsConfig.ClientAuth.OPTIONAL))) {
            TlsConfig clientTls = TlsConfig.fromPkcs12(null, null, dir.resolve("trust-server.p12"), PASSWORD,
                    TlsConfig.ClientAuth.NONE, TlsConfig.DEFAULT_PROTOCOLS);
            DicomRequestor requestor = new DicomRequestor(new RequestorConfig(AssociationSettings.DEFAULT,
                    Duration.ofSeconds(5), Duration.ofSeconds(5), clientTls), f.runtime);
            CompletableFuture<byte[]> response = new CompletableFuture<>();
            Association a = requestor.connect("127.0.0.1", f.port(), AssociationProposal.builder("OURSCU", NetFixture.AE)
                    .context(EchoResponder.VERIFICATION, NetFixture.IMPLICIT_LE).build(), (as, pc, command) -> {
                        response.complete(command);
                        return DataSink.NO_DATA_SET;
                    });
            a.send(1, EchoResponder.echoRequest(7), null);
            byte[] rsp = response.get(5, TimeUnit.SECONDS);
            assertThat(EchoResponder.ushort(rsp, 0x0100)).isEqualTo(0x8030);
            assertThat(EchoResponder.ushort(rsp, 0x0120)).isEqualTo(7);
            assertThat(EchoResponder.ushort(rsp, 0x0900)).isZero();
            a.release(Duration.ofSeconds(5));
            f.awaitQuiet();
        }
    }
}
