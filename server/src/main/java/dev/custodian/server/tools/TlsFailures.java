package dev.custodian.server.tools;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;

/**
 * A failed DICOM TLS handshake in words: which certificate check failed, or what the peer's alert
 * (RFC 8446 §6) means for the options to give.
 */
final class TlsFailures {
    private static final String ALERT = "Received fatal alert: ";

    private TlsFailures() {
    }

    static String describe(SSLException e) {
        Throwable check = certificateCheck(e);
        if (check != null) {
            Throwable why = check.getCause();
            String detail = why == null || why.getMessage() == null ? "" : ": " + why.getMessage();
            return "TLS handshake failed: the peer's certificate is not trusted (" + check.getMessage() + detail
                    + "); give the certificate of the CA that signed it with --tls-trusted";
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (m.startsWith(ALERT)) {
            String alert = m.substring(ALERT.length());
            String hint = switch (alert) {
                case "certificate_required", "bad_certificate", "unknown_ca", "certificate_unknown",
                     "certificate_expired", "certificate_revoked", "access_denied" ->
                        " (the peer wants a certificate it trusts: --tls-cert and --tls-key)";
                case "protocol_version", "handshake_failure", "insufficient_security" ->
                        " (no TLS version or cipher suite in common; see --tls-min-version)";
                default -> "";
            };
            return "TLS handshake failed: the peer sent the alert " + alert + hint;
        }
        if (m.contains("Unsupported or unrecognized SSL message") || m.contains("Remote host terminated")
                || m.contains("closed")) {
            return "TLS handshake failed: " + m + " (does the peer speak DICOM TLS on that port?)";
        }
        return "TLS handshake failed: " + m;
    }

    /** The certificate path check behind {@code e}, or null when the handshake failed otherwise. */
    private static Throwable certificateCheck(Throwable e) {
        Throwable fallback = null;
        for (Throwable c = e; c != null && c != c.getCause(); c = c.getCause()) {
            if (c instanceof CertPathBuilderException || c instanceof CertPathValidatorException) {
                return c;
            }
            if (c instanceof CertificateException && fallback == null) {
                fallback = c;
            }
        }
        return fallback;
    }
}
