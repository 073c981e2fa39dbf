package dev.custodian.net.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Objects;

/**
 * DICOM TLS (PS3.15 Annex B.1, "Basic TLS Secure Transport Connection Profile", and BCP 195) via
 * JSSE. Key and trust material are loaded key stores: from PKCS12 files ({@link #fromPkcs12}) or
 * built by the caller (e.g. from PEM files).
 *
 * @param keyStore     our certificate chain and private key (required on an acceptor; optional on
 *                     a requestor — null = no client certificate)
 * @param keyPassword  the password of the key entry in {@code keyStore}
 * @param trustStore   certificates we trust for the peer; null = the JDK default trust
 * @param clientAuth   acceptor only: whether a client certificate is asked for
 * @param protocols    e.g. TLSv1.3, TLSv1.2
 * @param cipherSuites the cipher suites enabled (JSSE / IANA names); empty = the JDK's defaults
 */
public record TlsConfig(KeyStore keyStore, char[] keyPassword, KeyStore trustStore, ClientAuth clientAuth,
                        List<String> protocols, List<String> cipherSuites) {

    public enum ClientAuth { NONE, OPTIONAL, REQUIRED }

    public static final List<String> DEFAULT_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    public TlsConfig {
        Objects.requireNonNull(clientAuth, "clientAuth");
        protocols = List.copyOf(protocols);
        cipherSuites = List.copyOf(cipherSuites);
        if (protocols.isEmpty()) {
            throw new IllegalArgumentException("no TLS protocol enabled");
        }
        if (keyStore != null) {
            Objects.requireNonNull(keyPassword, "keyPassword");
        }
    }

    /** Key and trust material from PKCS12 files (either may be null); the JDK's cipher suites. */
    public static TlsConfig fromPkcs12(Path keyStore, char[] keyStorePassword, Path trustStore,
                                       char[] trustStorePassword, ClientAuth clientAuth, List<String> protocols)
            throws IOException {
        return new TlsConfig(keyStore == null ? null : load(keyStore, keyStorePassword), keyStorePassword,
                trustStore == null ? null : load(trustStore, trustStorePassword), clientAuth, protocols, List.of());
    }

    private static KeyStore load(Path file, char[] password) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            return ks;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the PKCS12 key store " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "TlsConfig[keyStore=" + (keyStore == null ? "none" : "set") + ", trustStore="
                + (trustStore == null ? "JDK default" : "set") + ", clientAuth=" + clientAuth + ", protocols="
                + protocols + ", cipherSuites=" + (cipherSuites.isEmpty() ? "default" : cipherSuites) + "]";
    }
}
