package dev.custodian.server.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * HTTPS for the REST API with Orthanc's keys.
 *
 * @param enabled                   {@code SslEnabled}
 * @param certificate               {@code SslCertificate}: one PEM file with the private key and the certificate chain
 * @param minimumProtocolVersion    {@code SslMinimumProtocolVersion}, Orthanc's numbering 0..5 (4 = TLS 1.2 and up)
 * @param ciphersAccepted           {@code SslCiphersAccepted}: JSSE / IANA cipher suite names; empty = the JDK's
 * @param verifyPeers               {@code SslVerifyPeers}: clients must present a trusted certificate
 * @param trustedClientCertificates {@code SslTrustedClientCertificates}: the client certificates trusted (PEM)
 */
public record HttpsConfig(boolean enabled, Path certificate, int minimumProtocolVersion, List<String> ciphersAccepted,
                          boolean verifyPeers, Path trustedClientCertificates) {

    public HttpsConfig {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(trustedClientCertificates, "trustedClientCertificates");
        ciphersAccepted = List.copyOf(ciphersAccepted);
        if (minimumProtocolVersion < 0 || minimumProtocolVersion > 5) {
            throw new IllegalArgumentException("minimum protocol version must be in 0..5: " + minimumProtocolVersion);
        }
    }

    /** HTTPS off (Orthanc's default), the file names at Orthanc's defaults in the working directory. */
    public static HttpsConfig disabled() {
        return new HttpsConfig(false, Path.of("certificate.pem").toAbsolutePath(), 4, List.of(), false,
                Path.of("trustedClientCertificates.pem").toAbsolutePath());
    }
}
