package dev.custodian.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Orthanc's DICOM TLS ({@code DicomTls*}) and HTTPS ({@code Ssl*}) keys. What can be
 * checked without touching the files is checked here (a key required by another one); the PEM
 * files themselves are read when the server starts.
 */
final class SecurityKeys {
    private SecurityKeys() {}

    static DicomTlsConfig dicomTls(JsonFields f, Path base, Map<String, RemoteModality> modalities) {
        boolean enabled = f.bool("DicomTlsEnabled", false);
        boolean required = f.bool("DicomTlsRemoteCertificateRequired", true);
        DicomTlsConfig tls = new DicomTlsConfig(enabled,
                optionalPath(f, "DicomTlsCertificate", base),
                optionalPath(f, "DicomTlsPrivateKey", base),
                optionalPath(f, "DicomTlsTrustedCertificates", base),
                required,
                (int) f.integer("DicomTlsMinimumProtocolVersion", 0, 0, 5),
                strings(f, "DicomTlsCiphersAccepted"));
        if (enabled) {
            requirePresent(tls.certificate(), "DicomTlsCertificate", "DicomTlsEnabled is true");
            requirePresent(tls.privateKey(), "DicomTlsPrivateKey", "DicomTlsEnabled is true");
            if (required) {
                requirePresent(tls.trustedCertificates(), "DicomTlsTrustedCertificates",
                        "DicomTlsRemoteCertificateRequired is true");
            }
        }
        if (tls.certificate().isPresent() != tls.privateKey().isPresent()) {
            String missing = tls.certificate().isPresent() ? "DicomTlsPrivateKey" : "DicomTlsCertificate";
            throw new ConfigException(missing, "is required with "
                    + (tls.certificate().isPresent() ? "DicomTlsCertificate" : "DicomTlsPrivateKey"));
        }
        modalities.entrySet().stream().filter(e -> e.getValue().useDicomTls()).findFirst().ifPresent(e ->
                requirePresent(tls.trustedCertificates(), "DicomTlsTrustedCertificates",
                        "DicomModalities." + e.getKey() + ".UseDicomTls is true (the remote's certificate is verified)"));
        return tls;
    }

    static HttpsConfig https(JsonFields f, Path base) {
        return new HttpsConfig(f.bool("SslEnabled", false),
                ConfigLoader.path(f, "SslCertificate", base.resolve("certificate.pem"), base),
                (int) f.integer("SslMinimumProtocolVersion", 4, 0, 5),
                strings(f, "SslCiphersAccepted"),
                f.bool("SslVerifyPeers", false),
                ConfigLoader.path(f, "SslTrustedClientCertificates", base.resolve("trustedClientCertificates.pem"),
                        base));
    }

    private static Optional<Path> optionalPath(JsonFields f, String key, Path base) {
        return f.has(key) ? Optional.of(ConfigLoader.path(f, key, base, base)) : Optional.empty();
    }

    private static void requirePresent(Optional<Path> value, String key, String because) {
        if (value.isEmpty()) {
            throw new ConfigException(key, "is required when " + because);
        }
    }

    /** A list of strings; Orthanc also accepts one string of names separated by commas or colons. */
    private static List<String> strings(JsonFields f, String key) {
        List<String> result = new ArrayList<>();
        JsonNode node = f.raw(key);
        if (node == null) {
            return result;
        }
        if (node.isTextual()) {
            for (String s : node.textValue().split("[,:]")) {
                if (!s.isBlank()) {
                    result.add(s.trim());
                }
            }
            return result;
        }
        if (!node.isArray()) {
            throw new ConfigException(key, "must be a list of strings, got " + JsonFields.kind(node));
        }
        for (JsonNode item : node) {
            if (!item.isTextual() || item.textValue().isBlank()) {
                throw new ConfigException(key, "must be a list of non-empty strings, got " + JsonFields.kind(item));
            }
            result.add(item.textValue().trim());
        }
        return result;
    }
}
