package dev.custodian.server.tls;

import dev.custodian.server.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Key stores built from PEM files, checked the way an operator needs at start: a missing or
 * unreadable file, a file without a certificate or key, a key that does not belong to the
 * certificate — a {@link ConfigException} naming the configuration key; a certificate that is
 * expired or not yet valid — one warning (the peers will refuse it, but the rest still works).
 */
public final class TlsMaterial {
    private static final Logger LOG = LoggerFactory.getLogger(TlsMaterial.class);
    /** Protects the in-memory key entry only; the store never leaves the process. */
    static final char[] ENTRY_PASSWORD = "custodian-in-memory".toCharArray();

    private final Clock clock;

    public TlsMaterial(Clock clock) {
        this.clock = clock;
    }

    /** Our identity from a certificate file (the chain, ours first) and a key file, which may be the same file. */
    public KeyStore identity(Path certificate, String certificateKey, Path privateKey, String privateKeyKey) {
        List<X509Certificate> chain = certificates(certificate, certificateKey);
        PrivateKey key;
        try {
            key = PrivateKeys.first(blocks(privateKey, privateKeyKey));
        } catch (GeneralSecurityException e) {
            throw new ConfigException(privateKeyKey, privateKey + ": " + e.getMessage(), e);
        }
        if (!matches(key, chain.get(0).getPublicKey())) {
            throw new ConfigException(privateKeyKey, "the private key in " + privateKey
                    + " does not match the certificate in " + certificate + " (" + certificateKey + ")");
        }
        warnIfNotValidNow(chain.get(0), certificateKey, certificate);
        try {
            KeyStore ks = emptyStore();
            ks.setKeyEntry("identity", key, ENTRY_PASSWORD, chain.toArray(X509Certificate[]::new));
            return ks;
        } catch (GeneralSecurityException e) {
            throw new ConfigException(certificateKey, certificate + ": " + e.getMessage(), e);
        }
    }

    /** The certificates of {@code file}, each trusted (a CA or the peer's own certificate). */
    public KeyStore trust(Path file, String key) {
        List<X509Certificate> certs = certificates(file, key);
        try {
            KeyStore ks = emptyStore();
            for (int i = 0; i < certs.size(); i++) {
                ks.setCertificateEntry("trusted-" + i, certs.get(i));
                warnIfNotValidNow(certs.get(i), key, file);
            }
            return ks;
        } catch (GeneralSecurityException e) {
            throw new ConfigException(key, file + ": " + e.getMessage(), e);
        }
    }

    private List<X509Certificate> certificates(Path file, String key) {
        List<X509Certificate> certs;
        try {
            certs = PemFiles.certificates(blocks(file, key));
        } catch (GeneralSecurityException e) {
            throw new ConfigException(key, file + " holds an invalid certificate: " + e.getMessage(), e);
        }
        if (certs.isEmpty()) {
            throw new ConfigException(key, file + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return certs;
    }

    private static List<PemFiles.Block> blocks(Path file, String key) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new ConfigException(key, "cannot read " + file + ": " + e, e);
        }
        try {
            return PemFiles.blocks(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, file + ": " + e.getMessage(), e);
        }
    }

    private void warnIfNotValidNow(X509Certificate cert, String key, Path file) {
        Instant now = clock.instant();
        if (now.isAfter(cert.getNotAfter().toInstant())) {
            LOG.warn("configuration key \"{}\": the certificate {} in {} expired on {}; peers will refuse it", key,
                    cert.getSubjectX500Principal().getName(), file, cert.getNotAfter().toInstant());
        } else if (now.isBefore(cert.getNotBefore().toInstant())) {
            LOG.warn("configuration key \"{}\": the certificate {} in {} is not valid before {}; peers will refuse it",
                    key, cert.getSubjectX500Principal().getName(), file, cert.getNotBefore().toInstant());
        }
    }

    /** Whether {@code key} is the private half of {@code pub}: equal RSA numbers, or a signature it makes verifies. */
    static boolean matches(PrivateKey key, PublicKey pub) {
        if (!family(key.getAlgorithm()).equals(family(pub.getAlgorithm()))) {
            return false;
        }
        if (key instanceof RSAPrivateCrtKey rsa && pub instanceof RSAPublicKey rsaPub) {
            return rsa.getModulus().equals(rsaPub.getModulus())
                    && rsa.getPublicExponent().equals(rsaPub.getPublicExponent());
        }
        String algorithm = switch (family(key.getAlgorithm())) {
            case "EC" -> "SHA256withECDSA";
            case "EdDSA" -> "EdDSA";
            case "DSA" -> "SHA256withDSA";
            default -> null;
        };
        if (algorithm == null) {
            return true; // an algorithm we cannot test here (e.g. RSASSA-PSS): the handshake will tell
        }
        try {
            byte[] probe = "custodian key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(pub);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String family(String algorithm) {
        return algorithm.startsWith("Ed") ? "EdDSA" : algorithm;
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try {
            ks.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        return ks;
    }
}
