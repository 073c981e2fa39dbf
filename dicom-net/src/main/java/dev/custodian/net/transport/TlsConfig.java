package dev.custodian.net.transport;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * DICOM TLS (PS3.15 Annex B.1, "Basic TLS Secure Transport Connection Profile", and BCP 195) via
 * JSSE. Key and trust material come from PKCS12 files.
 *
 * @param keyStore           our certificate and private key (required on an acceptor; optional on
 *                           a requestor — null = no client certificate)
 * @param trustStore         certificates we trust for the peer; null = the JDK default trust
 * @param clientAuth         acceptor only: whether a client certificate is asked for
 * @param protocols          e.g. TLSv1.3, TLSv1.2
 */
public record TlsConfig(Path keyStore, char[] keyStorePassword, Path trustStore, char[] trustStorePassword,
                        ClientAuth clientAuth, List<String> protocols) {

    public enum ClientAuth { NONE, OPTIONAL, REQUIRED }

    public static final List<String> DEFAULT_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    public TlsConfig {
        Objects.requireNonNull(clientAuth, "clientAuth");
        protocols = List.copyOf(protocols);
        if (protocols.isEmpty()) {
            throw new IllegalArgumentException("no TLS protocol enabled");
        }
        if (keyStore != null) {
            Objects.requireNonNull(keyStorePassword, "keyStorePassword");
        }
        if (trustStore != null) {
            Objects.requireNonNull(trustStorePassword, "trustStorePassword");
        }
    }

    @Override
    public String toString() {
        return "TlsConfig[keyStore=" + keyStore + ", trustStore=" + trustStore + ", clientAuth=" + clientAuth
                + ", protocols=" + protocols + "]";
    }
}
