package dev.custodian.server.tls;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;

/**
 * Unencrypted private keys in the PEM forms OpenSSL writes: {@code PRIVATE KEY} (PKCS #8, RFC
 * 5208), {@code RSA PRIVATE KEY} (PKCS #1, RFC 8017 §A.1.2) and {@code EC PRIVATE KEY} (SEC 1,
 * RFC 5915); the last two are wrapped into PKCS #8 for the JDK. Encrypted keys are refused, as by
 * Orthanc (its configuration has no key password).
 */
public final class PrivateKeys {
    /** rsaEncryption 1.2.840.113549.1.1.1 with NULL parameters, as an AlgorithmIdentifier's contents. */
    private static final byte[] RSA_ALGORITHM = {0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D,
            0x01, 0x01, 0x01, 0x05, 0x00};
    /** id-ecPublicKey 1.2.840.10045.2.1 (RFC 5480 §2.1.1). */
    private static final byte[] EC_PUBLIC_KEY = {0x06, 0x07, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x02, 0x01};
    private static final List<String> ALGORITHMS = List.of("RSA", "EC", "EdDSA", "RSASSA-PSS", "DSA", "XDH");

    private PrivateKeys() {}

    /** The first private key among {@code blocks}. */
    public static PrivateKey first(List<PemFiles.Block> blocks) throws GeneralSecurityException {
        for (PemFiles.Block b : blocks) {
            switch (b.label()) {
                case "PRIVATE KEY":
                    return pkcs8(b.der());
                case "RSA PRIVATE KEY":
                    return pkcs8(sequence(integerZero(), sequence(RSA_ALGORITHM), octetString(b.der())));
                case "EC PRIVATE KEY":
                    return pkcs8(sequence(integerZero(), sequence(EC_PUBLIC_KEY, curveOf(b.der())),
                            octetString(b.der())));
                case "ENCRYPTED PRIVATE KEY":
                    throw new GeneralSecurityException("the private key is encrypted; give it unencrypted "
                            + "(e.g. openssl pkey -in key.pem -out plain.pem)");
                default:
                    // certificates and other blocks: not a key
            }
        }
        throw new GeneralSecurityException("no private key (PEM block PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)");
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        GeneralSecurityException last = null;
        for (String algorithm : ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw new GeneralSecurityException("the private key is of no supported algorithm (" + ALGORITHMS + ")", last);
    }

    /** The named curve of an ECPrivateKey (RFC 5915 §3): the OID inside its {@code [0] parameters}. */
    private static byte[] curveOf(byte[] ecPrivateKey) throws GeneralSecurityException {
        Der outer = new Der(ecPrivateKey, 0);
        if (outer.tag != 0x30) {
            throw new GeneralSecurityException("EC PRIVATE KEY is not a DER SEQUENCE");
        }
        int at = outer.contentStart;
        while (at < outer.end) {
            Der item = new Der(ecPrivateKey, at);
            if (item.tag == 0xA0) {
                Der oid = new Der(ecPrivateKey, item.contentStart);
                if (oid.tag != 0x06) {
                    throw new GeneralSecurityException("EC PRIVATE KEY parameters are not a named curve");
                }
                return java.util.Arrays.copyOfRange(ecPrivateKey, item.contentStart, oid.end);
            }
            at = item.end;
        }
        throw new GeneralSecurityException("EC PRIVATE KEY names no curve (write it with openssl ec -param_enc named_curve)");
    }

    /** One DER TLV at {@code offset}: tag, where its contents start, where it ends. */
    private static final class Der {
        final int tag;
        final int contentStart;
        final int end;

        Der(byte[] b, int offset) throws GeneralSecurityException {
            if (offset + 2 > b.length) {
                throw new GeneralSecurityException("truncated DER in the private key");
            }
            tag = b[offset] & 0xFF;
            int len = b[offset + 1] & 0xFF;
            int p = offset + 2;
            if (len > 0x80) {
                int n = len - 0x80;
                if (n > 3 || p + n > b.length) {
                    throw new GeneralSecurityException("bad DER length in the private key");
                }
                len = 0;
                for (int i = 0; i < n; i++) {
                    len = (len << 8) | (b[p++] & 0xFF);
                }
            } else if (len == 0x80) {
                throw new GeneralSecurityException("indefinite DER length in the private key");
            }
            contentStart = p;
            end = p + len;
            if (end > b.length) {
                throw new GeneralSecurityException("truncated DER in the private key");
            }
        }
    }

    private static byte[] integerZero() {
        return new byte[] {0x02, 0x01, 0x00};
    }

    private static byte[] octetString(byte[] content) {
        return tlv(0x04, content);
    }

    private static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            content.writeBytes(p);
        }
        return tlv(0x30, content.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else if (n < 0x10000) {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n);
        } else {
            out.write(0x83);
            out.write(n >> 16);
            out.write(n >> 8);
            out.write(n);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
