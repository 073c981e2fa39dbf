package dev.custodian.server.tls;

import dev.custodian.server.config.ConfigException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orthanc's numbering of minimum TLS versions turned into the JSSE protocols enabled, and the
 * check of configured cipher suite names. {@code DicomTlsMinimumProtocolVersion}: 0 = the BCP 195
 * profile (TLS 1.2 and 1.3), 1 = SSL 3 and up, 2 = TLS 1.0 and up, 3 = TLS 1.1 and up, 4 = TLS 1.2
 * and up, 5 = TLS 1.3 only; {@code SslMinimumProtocolVersion} the same but 0 = SSL 2 and up.
 * Custodian never negotiates below TLS 1.2 (PS3.15 §B.12 and BCP 195 / RFC 8996 forbid SSL 3,
 * TLS 1.0 and 1.1): those values load, with one warning, as TLS 1.2 and 1.3.
 */
public final class TlsProtocols {
    private static final Logger LOG = LoggerFactory.getLogger(TlsProtocols.class);

    /** TLS 1.3 and 1.2: BCP 195, and Orthanc's defaults. */
    public static final List<String> DEFAULT = List.of("TLSv1.3", "TLSv1.2");
    public static final List<String> TLS13_ONLY = List.of("TLSv1.3");

    private TlsProtocols() {}

    /**
     * @param key           the configuration key, for the warning
     * @param version       0..5, Orthanc's numbering
     * @param zeroIsDefault true for {@code DicomTlsMinimumProtocolVersion} (0 = the BCP 195 profile)
     */
    public static List<String> forMinimumVersion(String key, int version, boolean zeroIsDefault) {
        if (version == 5) {
            return TLS13_ONLY;
        }
        if (version < 4 && !(version == 0 && zeroIsDefault)) {
            LOG.warn("configuration key \"{}\": {} would allow protocols older than TLS 1.2, which Custodian never "
                    + "negotiates (BCP 195); TLS 1.2 and 1.3 are enabled", key, version);
        }
        return DEFAULT;
    }

    /** {@code names} as given, each checked against the cipher suites this JDK supports. */
    public static List<String> cipherSuites(String key, List<String> names) {
        if (names.isEmpty()) {
            return names;
        }
        Set<String> supported;
        try {
            supported = new TreeSet<>(Arrays.asList(
                    SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no TLS", e);
        }
        for (String name : names) {
            if (!supported.contains(name)) {
                throw new ConfigException(key, "unknown cipher suite \"" + name + "\" (give IANA names such as "
                        + "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 or TLS_AES_128_GCM_SHA256)");
            }
        }
        return names;
    }
}
