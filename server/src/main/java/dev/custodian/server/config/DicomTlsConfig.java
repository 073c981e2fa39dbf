package dev.custodian.server.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * DICOM TLS (PS3.15 Annex B) with Orthanc's keys. {@code DicomTlsEnabled} turns TLS on for the
 * listener on {@code DicomPort}; the certificate, key and trusted certificates (PEM files) also
 * serve the outgoing associations of modalities whose {@code UseDicomTls} is true.
 *
 * @param enabled                   {@code DicomTlsEnabled}
 * @param certificate               {@code DicomTlsCertificate}: our certificate (PEM, chain allowed)
 * @param privateKey                {@code DicomTlsPrivateKey}: its private key (PEM, unencrypted)
 * @param trustedCertificates       {@code DicomTlsTrustedCertificates}: the certificates we trust (PEM, concatenated)
 * @param remoteCertificateRequired {@code DicomTlsRemoteCertificateRequired}: incoming peers must present a trusted certificate
 * @param minimumProtocolVersion    {@code DicomTlsMinimumProtocolVersion}, Orthanc's numbering 0..5 (0 = BCP 195 default)
 * @param ciphersAccepted           {@code DicomTlsCiphersAccepted}: JSSE / IANA cipher suite names; empty = the JDK's
 */
public record DicomTlsConfig(boolean enabled, Optional<Path> certificate, Optional<Path> privateKey,
                             Optional<Path> trustedCertificates, boolean remoteCertificateRequired,
                             int minimumProtocolVersion, List<String> ciphersAccepted) {

    public DicomTlsConfig {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(trustedCertificates, "trustedCertificates");
        ciphersAccepted = List.copyOf(ciphersAccepted);
        if (minimumProtocolVersion < 0 || minimumProtocolVersion > 5) {
            throw new IllegalArgumentException("minimum protocol version must be in 0..5: " + minimumProtocolVersion);
        }
    }

    /** DICOM TLS off (Orthanc's default). */
    public static DicomTlsConfig disabled() {
        return new DicomTlsConfig(false, Optional.empty(), Optional.empty(), Optional.empty(), true,
                0, List.of());
    }
}
