package dev.custodian.net.transport;

import dev.custodian.net.ul.AssociationSettings;
import java.util.Objects;
import java.util.Optional;

/**
 * Configuration of a {@link DicomAcceptor}.
 *
 * @param bindAddress     address to listen on, e.g. "0.0.0.0" or "127.0.0.1"
 * @param port            TCP port; 0 = ephemeral (see {@link DicomAcceptor#port()})
 * @param maxAssociations concurrent associations; one more is rejected-transient, service-provider
 *                        (presentation), local-limit-exceeded (PS3.8 §9.3.4)
 * @param settings        limits and timeouts of each association
 * @param tls             DICOM TLS, or null for plain TCP
 */
public record AcceptorConfig(String bindAddress, int port, int maxAssociations, AssociationSettings settings,
                             TlsConfig tls) {

    public AcceptorConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (maxAssociations < 1) {
            throw new IllegalArgumentException("maxAssociations must be at least 1: " + maxAssociations);
        }
        Objects.requireNonNull(settings, "settings");
    }

    public Optional<TlsConfig> tlsConfig() {
        return Optional.ofNullable(tls);
    }

    /**
     * Connections beyond {@code maxAssociations} still get their A-ASSOCIATE-RJ; beyond this
     * higher cap they are closed at once so that a flood cannot exhaust threads.
     */
    public int maxConnections() {
        return maxAssociations + Math.max(16, maxAssociations);
    }
}
