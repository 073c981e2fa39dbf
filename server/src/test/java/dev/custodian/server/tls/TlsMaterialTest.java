package dev.custodian.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.custodian.net.ul.AssociationSettings;
import dev.custodian.server.config.ConfigException;
import dev.custodian.server.config.DicomTlsConfig;
import dev.custodian.server.config.HttpsConfig;
import dev.custodian.server.config.RemoteModality;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class TlsMaterialTest {
    @TempDir
    static Path dir;
    static TestCerts certs;
    private static final Clock NOW = Clock.systemUTC();

    @BeforeAll
    static void make() throws Exception {
        certs = new TestCerts(dir).rsa("me").rsa("other").traditionalRsa("me");
        Files.writeString(certs.file("bundle.pem"),
                Files.readString(certs.file("me.rsa.key")) + Files.readString(certs.file("me.crt")));
    }

    private static ConfigException error(Runnable r) {
        try {
            r.run();
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("no ConfigException");
    }

    @Test
    void identityHoldsKeyAndChain() throws Exception {
        KeyStore ks = new TlsMaterial(NOW).identity(certs.file("me.crt"), "C", certs.file("me.key"), "K");
        assertThat(ks.isKeyEntry("identity")).isTrue();
        assertThat(ks.getCertificateChain("identity")).hasSize(1);
        // Orthanc's SslCertificate: key and certificate in one file
        assertThat(new TlsMaterial(NOW).identity(certs.file("bundle.pem"), "S", certs.file("bundle.pem"), "S")
                .isKeyEntry("identity")).isTrue();
    }

    @Test
    void badSetupsNameTheKey() {
        TlsMaterial m = new TlsMaterial(NOW);
        ConfigException missing = error(() -> m.identity(certs.file("none.crt"), "DicomTlsCertificate",
                certs.file("me.key"), "DicomTlsPrivateKey"));
        assertThat(missing.key()).isEqualTo("DicomTlsCertificate");
        assertThat(missing.getMessage()).contains("none.crt").contains("NoSuchFile");
        ConfigException mismatch = error(() -> m.identity(certs.file("me.crt"), "DicomTlsCertificate",
                certs.file("other.key"), "DicomTlsPrivateKey"));
        assertThat(mismatch.key()).isEqualTo("DicomTlsPrivateKey");
        assertThat(mismatch.getMessage()).contains("does not match the certificate");
        ConfigException noCert = error(() -> m.trust(certs.file("me.key"), "DicomTlsTrustedCertificates"));
        assertThat(noCert.key()).isEqualTo("DicomTlsTrustedCertificates");
        assertThat(noCert.getMessage()).contains("no PEM certificate");
    }

    @Test
    void anExpiredCertificateIsOneWarningNotAnError() {
        Logger logger = (Logger) LoggerFactory.getLogger(TlsMaterial.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            Clock later = Clock.fixed(Instant.now().plus(Duration.ofDays(30)), ZoneOffset.UTC);
            new TlsMaterial(later).identity(certs.file("me.crt"), "DicomTlsCertificate", certs.file("me.key"),
                    "DicomTlsPrivateKey");
        } finally {
            logger.detachAppender(log);
        }
        assertThat(log.list).hasSize(1);
        assertThat(log.list.get(0).getFormattedMessage()).contains("DicomTlsCertificate").contains("expired");
    }

    @Test
    void dicomTlsGivesTheListenerAndTheModalitiesWithUseDicomTlsTheirTransport() throws Exception {
        DicomTlsConfig config = new DicomTlsConfig(true, Optional.of(certs.file("me.crt")),
                Optional.of(certs.file("me.key")), Optional.of(certs.file("other.crt")), true, 0, List.of());
        DicomTls tls = DicomTls.load(config, NOW);
        assertThat(tls.acceptor()).hasValueSatisfying(a -> {
            assertThat(a.clientAuth()).isEqualTo(dev.custodian.net.transport.TlsConfig.ClientAuth.REQUIRED);
            assertThat(a.protocols()).containsExactly("TLSv1.3", "TLSv1.2");
        });
        RemoteModality plain = RemoteModality.of("PLAIN", "h", 104);
        RemoteModality secure = new RemoteModality("SECURE", "h", 2762, "Generic", true, true, true, true, true, true,
                true, true, null, 0, null, false, true);
        Duration t = Duration.ofSeconds(5);
        assertThat(tls.requestor(plain, AssociationSettings.DEFAULT, t, t).tls()).isNull();
        assertThat(tls.requestor(secure, AssociationSettings.DEFAULT, t, t).tls()).isNotNull();
        assertThatThrownBy(() -> DicomTls.none().requestor(secure, AssociationSettings.DEFAULT, t, t))
                .hasMessageContaining("DicomTlsTrustedCertificates");
    }

    @Test
    void protocolsAndCiphersFollowOrthancsNumbering() {
        assertThat(TlsProtocols.forMinimumVersion("K", 0, true)).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(TlsProtocols.forMinimumVersion("K", 2, true)).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(TlsProtocols.forMinimumVersion("K", 4, false)).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(TlsProtocols.forMinimumVersion("K", 5, false)).containsExactly("TLSv1.3");
        assertThat(TlsProtocols.cipherSuites("K", List.of("TLS_AES_128_GCM_SHA256"))).hasSize(1);
        assertThat(error(() -> TlsProtocols.cipherSuites("DicomTlsCiphersAccepted", List.of("AES128-GCM-SHA256")))
                .key()).isEqualTo("DicomTlsCiphersAccepted");
    }

    @Test
    void httpsMaterialComesFromOneFileAndNeedsTrustedClientsWhenVerifying() {
        HttpsConfig off = new HttpsConfig(false, certs.file("bundle.pem"), 4, List.of(), false, certs.file("x"));
        assertThat(HttpsMaterial.load(off, NOW)).isEmpty();
        HttpsConfig on = new HttpsConfig(true, certs.file("bundle.pem"), 4, List.of(), true, certs.file("other.crt"));
        assertThat(HttpsMaterial.load(on, NOW)).hasValueSatisfying(h -> assertThat(h.clientTrust()).isPresent());
        HttpsConfig missing = new HttpsConfig(true, certs.file("bundle.pem"), 4, List.of(), true,
                certs.file("absent.pem"));
        assertThat(error(() -> HttpsMaterial.load(missing, NOW)).key()).isEqualTo("SslTrustedClientCertificates");
        HttpsConfig noKey = new HttpsConfig(true, certs.file("me.crt"), 4, List.of(), false, certs.file("x"));
        assertThat(error(() -> HttpsMaterial.load(noKey, NOW)).key()).isEqualTo("SslCertificate");
    }
}
