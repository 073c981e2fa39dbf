package dev.custodian.net.transport;

import dev.custodian.net.ul.AssociationSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * Configuration of a {@link DicomRequestor}.
 *
 * @param connectTimeout   TCP connect (and TLS handshake) timeout
 * @param associateTimeout how long to wait for the A-ASSOCIATE-AC/RJ
 * @param tls              DICOM TLS, or null for plain TCP
 */
public record RequestorConfig(AssociationSettings settings, Duration connectTimeout, Duration associateTimeout,
                              TlsConfig tls) {

    public RequestorConfig {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(associateTimeout, "associateTimeout");
    }

    public static RequestorConfig plain(AssociationSettings settings, Duration connectTimeout,
                                        Duration associateTimeout) {
        return new RequestorConfig(settings, connectTimeout, associateTimeout, null);
    }
}
