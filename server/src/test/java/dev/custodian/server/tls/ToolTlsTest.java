package dev.custodian.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.net.transport.TlsConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tools' TLS from PEM files: what each TlsConfig holds, and problems named by the option. */
class ToolTlsTest {
    @TempDir
    static Path dir;
    static TestCerts certs;
    private static final Clock NOW = Clock.systemUTC();

    @BeforeAll
    static void make() throws Exception {
        certs = new TestCerts(dir).rsa("me").rsa("peer");
        Files.writeString(certs.file("bundle.pem"),
                Files.readString(certs.file("me.key")) + Files.readString(certs.file("me.crt")));
    }

    @Test
    void withoutOurCertificateTheRequestorOffersNoneAndThereIsNoListener() throws Exception {
        ToolTls tls = ToolTls.load(null, null, certs.file("peer.crt"), TlsProtocols.DEFAULT, NOW);

        assertThat(tls.requestor().keyStore()).isNull();
        assertThat(tls.requestor().trustStore().containsAlias("trusted-0")).isTrue();
        assertThat(tls.requestor().protocols()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(tls.acceptor()).isEmpty();
    }

    @Test
    void withoutTrustedCertificatesTheJdkDefaultTrustVerifies() throws Exception {
        ToolTls tls = ToolTls.load(certs.file("bundle.pem"), certs.file("bundle.pem"), null,
                TlsProtocols.TLS13_ONLY, NOW);

        assertThat(tls.requestor().trustStore()).as("null = the JDK default trust store").isNull();
        assertThat(tls.requestor().keyStore().isKeyEntry("identity")).isTrue();
        assertThat(tls.acceptor()).hasValueSatisfying(a -> {
            assertThat(a.clientAuth()).isEqualTo(TlsConfig.ClientAuth.REQUIRED);
            assertThat(a.protocols()).containsExactly("TLSv1.3");
        });
    }

    @Test
    void problemsNameTheOption() {
        assertThatThrownBy(() -> ToolTls.load(certs.file("me.crt"), certs.file("peer.key"), null,
                TlsProtocols.DEFAULT, NOW))
                .isInstanceOf(ToolTls.MaterialException.class)
                .hasMessage("--tls-key: the private key in " + certs.file("peer.key") + " does not match the "
                        + "certificate in " + certs.file("me.crt") + " (--tls-cert)");
        assertThatThrownBy(() -> ToolTls.load(certs.file("me.key"), certs.file("me.key"), null,
                TlsProtocols.DEFAULT, NOW))
                .hasMessageStartingWith("--tls-cert: " + certs.file("me.key") + " holds no PEM certificate");
        assertThatThrownBy(() -> ToolTls.load(null, null, dir.resolve("none.pem"), TlsProtocols.DEFAULT, NOW))
                .hasMessageStartingWith("--tls-trusted: cannot read " + dir.resolve("none.pem"));
    }
}
