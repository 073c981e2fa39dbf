package dev.custodian.server.tls;

import dev.custodian.net.transport.TlsConfig;
import dev.custodian.server.config.ConfigException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * DICOM TLS of the command-line tools ({@code custodian echo | store | stgcmt --tls}): the PEM
 * files read and checked by {@link TlsMaterial} as the server's {@code DicomTls*} keys are, each
 * problem named by the tool's option. Outgoing associations verify the peer's certificate against
 * the trusted file, or the JDK's default trust store when none is given (never unverified); the
 * listener for Storage Commitment reports presents our certificate and requires the SCP's, verified
 * the same way.
 */
public final class ToolTls {
    public static final String CERTIFICATE_OPTION = "--tls-cert";
    public static final String KEY_OPTION = "--tls-key";
    public static final String TRUSTED_OPTION = "--tls-trusted";

    private final TlsConfig requestor;
    private final Optional<TlsConfig> acceptor;

    private ToolTls(TlsConfig requestor, Optional<TlsConfig> acceptor) {
        this.requestor = requestor;
        this.acceptor = acceptor;
    }

    /**
     * @param certificate our certificate chain (ours first), or null for no client certificate
     * @param privateKey  its key (may be the same file); null exactly when {@code certificate} is
     * @param trusted     the certificates that may sign the peer's, or null for the JDK default trust
     * @param protocols   e.g. {@link TlsProtocols#DEFAULT}
     * @throws MaterialException a file is missing or unreadable, holds no certificate or key, or the
     *                           key does not belong to the certificate
     */
    public static ToolTls load(Path certificate, Path privateKey, Path trusted, List<String> protocols, Clock clock)
            throws MaterialException {
        if ((certificate == null) != (privateKey == null)) {
            throw new IllegalArgumentException("a certificate needs its private key, and a key its certificate");
        }
        TlsMaterial material = new TlsMaterial(clock);
        try {
            KeyStore identity = certificate == null ? null
                    : material.identity(certificate, CERTIFICATE_OPTION, privateKey, KEY_OPTION);
            KeyStore trust = trusted == null ? null : material.trust(trusted, TRUSTED_OPTION);
            TlsConfig requestor = new TlsConfig(identity, TlsMaterial.ENTRY_PASSWORD, trust,
                    TlsConfig.ClientAuth.NONE, protocols, List.of());
            Optional<TlsConfig> acceptor = identity == null ? Optional.empty()
                    : Optional.of(new TlsConfig(identity, TlsMaterial.ENTRY_PASSWORD, trust,
                            TlsConfig.ClientAuth.REQUIRED, protocols, List.of()));
            return new ToolTls(requestor, acceptor);
        } catch (ConfigException e) {
            throw new MaterialException(e.key() + ": " + e.problem(), e);
        }
    }

    /** The TLS of the associations the tool opens. */
    public TlsConfig requestor() {
        return requestor;
    }

    /** The TLS of the tool's listener; empty without our own certificate (a TLS listener needs one). */
    public Optional<TlsConfig> acceptor() {
        return acceptor;
    }

    /** A PEM file that cannot be used; the message starts with the option naming it. */
    public static final class MaterialException extends Exception {
        private static final long serialVersionUID = 1L;

        MaterialException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
