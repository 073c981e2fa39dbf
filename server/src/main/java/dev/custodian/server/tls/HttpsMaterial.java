package dev.custodian.server.tls;

import dev.custodian.server.config.HttpsConfig;
import java.security.KeyStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What the HTTPS connector needs, read and checked at start from Orthanc's keys: our identity
 * from {@code SslCertificate} (one PEM file with the private key and the certificate chain), the
 * client certificates trusted when {@code SslVerifyPeers} ({@code SslTrustedClientCertificates}),
 * the protocols ({@code SslMinimumProtocolVersion}) and cipher suites ({@code SslCiphersAccepted}).
 *
 * @param keyPassword the password of the key entry in {@code identity}
 * @param clientTrust present when clients must present a certificate it trusts
 */
public record HttpsMaterial(KeyStore identity, char[] keyPassword, Optional<KeyStore> clientTrust,
                            List<String> protocols, List<String> cipherSuites) {

    public HttpsMaterial {
        protocols = List.copyOf(protocols);
        cipherSuites = List.copyOf(cipherSuites);
    }

    /** Empty when {@code SslEnabled} is false. */
    public static Optional<HttpsMaterial> load(HttpsConfig config, Clock clock) {
        if (!config.enabled()) {
            return Optional.empty();
        }
        TlsMaterial material = new TlsMaterial(clock);
        KeyStore identity = material.identity(config.certificate(), "SslCertificate", config.certificate(),
                "SslCertificate");
        Optional<KeyStore> trust = config.verifyPeers()
                ? Optional.of(material.trust(config.trustedClientCertificates(), "SslTrustedClientCertificates"))
                : Optional.empty();
        return Optional.of(new HttpsMaterial(identity, TlsMaterial.ENTRY_PASSWORD, trust,
                TlsProtocols.forMinimumVersion("SslMinimumProtocolVersion", config.minimumProtocolVersion(), false),
                TlsProtocols.cipherSuites("SslCiphersAccepted", config.ciphersAccepted())));
    }
}
