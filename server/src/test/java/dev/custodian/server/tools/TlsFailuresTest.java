package dev.custodian.server.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** Handshake failures in words, as JSSE reports them (the exception chains of a real failure). */
class TlsFailuresTest {
    private static SSLHandshakeException handshake(String message, Throwable cause) {
        SSLHandshakeException e = new SSLHandshakeException(message);
        e.initCause(cause);
        return e;
    }

    @Test
    void anUntrustedCertificateNamesTheFailedCheck() {
        CertificateException validator = new CertificateException("PKIX path building failed",
                new CertPathBuilderException("unable to find valid certification path to requested target"));
        assertThat(Failures.describe(handshake("PKIX path building failed: ...", validator))).isEqualTo(
                "TLS handshake failed: the peer's certificate is not trusted (unable to find valid certification "
                        + "path to requested target); give the certificate of the CA that signed it with --tls-trusted");

        CertPathValidatorException expired = new CertPathValidatorException("validity check failed",
                new CertificateExpiredException("NotAfter: Mon Nov 30 12:00:00 UTC 2026"));
        assertThat(Failures.describe(handshake("PKIX path validation failed", new CertificateException(expired))))
                .contains("not trusted (validity check failed: NotAfter: Mon Nov 30 12:00:00 UTC 2026)");
    }

    @Test
    void alertsSayWhatToGive() {
        assertThat(Failures.describe(handshake("Received fatal alert: certificate_required", null)))
                .isEqualTo("TLS handshake failed: the peer sent the alert certificate_required (the peer wants a "
                        + "certificate it trusts: --tls-cert and --tls-key)");
        assertThat(Failures.describe(handshake("Received fatal alert: protocol_version", null)))
                .endsWith("(no TLS version or cipher suite in common; see --tls-min-version)");
        assertThat(Failures.describe(new SSLException("Unsupported or unrecognized SSL message")))
                .endsWith("(does the peer speak DICOM TLS on that port?)");
    }

    @Test
    void overTlsAConnectionClosedWithoutAnAlertGetsTheUsualCauses() {
        IOException closed = new IOException("association with 127.0.0.1:104 failed: TRANSPORT_CLOSED: end of stream");
        assertThat(Failures.connect(closed, true)).isEqualTo(closed.getMessage()
                + " (with --tls: is that the peer's DICOM TLS port, and does it want our certificate, --tls-cert?)");
        assertThat(Failures.connect(closed, false)).isEqualTo(closed.getMessage());
        assertThat(Failures.connect(new ConnectException("Connection refused"), true)).isEqualTo("connection refused");
    }

    @Test
    void exitCodeIsRefused() {
        assertThat(Failures.exitCode(handshake("Received fatal alert: bad_certificate", null)))
                .isEqualTo(ExitCodes.REFUSED);
    }
}
