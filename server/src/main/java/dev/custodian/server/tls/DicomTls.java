package dev.custodian.server.tls;

import dev.custodian.net.transport.RequestorConfig;
import dev.custodian.net.transport.TlsConfig;
import dev.custodian.net.ul.AssociationSettings;
import dev.custodian.server.config.DicomTlsConfig;
import dev.custodian.server.config.RemoteModality;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * DICOM TLS (PS3.15 Annex B) as the configuration asks, key material read once at start: the
 * listener's {@link TlsConfig} when {@code DicomTlsEnabled}, and — the one place every outgoing
 * association (C-ECHO / C-STORE SCU, N-ACTION, N-EVENT-REPORT delivery) gets its transport from —
 * {@link #requestor}: TLS towards a modality whose {@code UseDicomTls} is true, our certificate
 * offered when one is configured, the remote's certificate verified against {@code
 * DicomTlsTrustedCertificates} (host names are not checked: DICOM identifies peers by trust).
 */
public final class DicomTls {
    private final Optional<TlsConfig> acceptor;
    private final Optional<TlsConfig> requestor;

    private DicomTls(Optional<TlsConfig> acceptor, Optional<TlsConfig> requestor) {
        this.acceptor = acceptor;
        this.requestor = requestor;
    }

    /** No TLS anywhere (tests, tools). */
    public static DicomTls none() {
        return new DicomTls(Optional.empty(), Optional.empty());
    }

    /** Reads and checks the PEM files named in {@code config}; a bad setup is a ConfigException naming the key. */
    public static DicomTls load(DicomTlsConfig config, Clock clock) {
        List<String> protocols = TlsProtocols.forMinimumVersion("DicomTlsMinimumProtocolVersion",
                config.minimumProtocolVersion(), true);
        List<String> ciphers = TlsProtocols.cipherSuites("DicomTlsCiphersAccepted", config.ciphersAccepted());
        TlsMaterial material = new TlsMaterial(clock);
        KeyStore identity = null;
        if (config.certificate().isPresent() && config.privateKey().isPresent()) {
            identity = material.identity(config.certificate().get(), "DicomTlsCertificate",
                    config.privateKey().get(), "DicomTlsPrivateKey");
        }
        KeyStore trust = config.trustedCertificates()
                .map((Path p) -> material.trust(p, "DicomTlsTrustedCertificates")).orElse(null);
        Optional<TlsConfig> acceptor = Optional.empty();
        if (config.enabled()) {
            TlsConfig.ClientAuth auth = config.remoteCertificateRequired()
                    ? TlsConfig.ClientAuth.REQUIRED : TlsConfig.ClientAuth.NONE;
            acceptor = Optional.of(new TlsConfig(Objects.requireNonNull(identity, "identity"),
                    TlsMaterial.ENTRY_PASSWORD, trust, auth, protocols, ciphers));
        }
        Optional<TlsConfig> requestor = trust == null ? Optional.empty()
                : Optional.of(new TlsConfig(identity, TlsMaterial.ENTRY_PASSWORD, trust, TlsConfig.ClientAuth.NONE,
                        protocols, ciphers));
        return new DicomTls(acceptor, requestor);
    }

    /** The listener's TLS, or empty for plain TCP. */
    public Optional<TlsConfig> acceptor() {
        return acceptor;
    }

    /**
     * The transport of an association we open to {@code m}: TLS when its {@code UseDicomTls} is
     * true, plain TCP otherwise.
     *
     * @throws IOException {@code UseDicomTls} is true but no {@code DicomTlsTrustedCertificates}
     *                     is configured (a modality added at run time through the REST API)
     */
    public RequestorConfig requestor(RemoteModality m, AssociationSettings settings, Duration connectTimeout,
                                     Duration associateTimeout) throws IOException {
        if (!m.useDicomTls()) {
            return RequestorConfig.plain(settings, connectTimeout, associateTimeout);
        }
        if (requestor.isEmpty()) {
            throw new IOException("UseDicomTls is true for " + m.aet() + " but DicomTlsTrustedCertificates is not "
                    + "configured: the remote's certificate could not be verified");
        }
        return new RequestorConfig(settings, connectTimeout, associateTimeout, requestor.get());
    }
}
