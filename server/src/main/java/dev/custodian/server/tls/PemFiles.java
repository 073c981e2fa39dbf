package dev.custodian.server.tls;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The textual encoding of RFC 7468 ("PEM"): {@code -----BEGIN LABEL-----}, base 64, {@code
 * -----END LABEL-----}, any text between blocks ignored (OpenSSL writes "Bag Attributes" there).
 */
public final class PemFiles {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

    /** One block: its label (e.g. {@code CERTIFICATE}, {@code PRIVATE KEY}) and decoded bytes. */
    public record Block(String label, byte[] der) {
        public Block {
            if (label == null || label.isBlank()) {
                throw new IllegalArgumentException("PEM label must not be empty");
            }
            der = der.clone();
        }

        @Override
        public byte[] der() {
            return der.clone();
        }
    }

    private PemFiles() {}

    /** Every block of {@code text}, in order. */
    public static List<Block> blocks(String text) {
        List<Block> result = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            String base64 = m.group(2).replaceAll("\\s", "");
            try {
                result.add(new Block(m.group(1), Base64.getDecoder().decode(base64)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the " + m.group(1) + " block is not valid base 64", e);
            }
        }
        return result;
    }

    /** The X.509 certificates of {@code blocks} (label {@code CERTIFICATE}), in order. */
    public static List<X509Certificate> certificates(List<Block> blocks) throws CertificateException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> result = new ArrayList<>();
        for (Block b : blocks) {
            if (b.label().equals("CERTIFICATE") || b.label().equals("X509 CERTIFICATE")) {
                result.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(b.der())));
            }
        }
        return result;
    }
}
