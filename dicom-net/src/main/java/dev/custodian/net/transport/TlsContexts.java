package dev.custodian.net.transport;

import java.io.IOException;
import java.security.GeneralSecurityException;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/** Builds the JSSE {@link SSLContext} for a {@link TlsConfig}. */
final class TlsContexts {

    private TlsContexts() {
    }

    static SSLContext create(TlsConfig config) throws IOException {
        try {
            KeyManagerFactory kmf = null;
            if (config.keyStore() != null) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(config.keyStore(), config.keyPassword());
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(config.trustStore());
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS from " + config + ": " + e.getMessage(), e);
        }
    }

    static SSLParameters parameters(SSLContext ctx, TlsConfig config, boolean server) {
        SSLParameters p = ctx.getDefaultSSLParameters();
        p.setProtocols(config.protocols().toArray(String[]::new));
        if (!config.cipherSuites().isEmpty()) {
            p.setCipherSuites(config.cipherSuites().toArray(String[]::new));
        }
        if (server) {
            p.setNeedClientAuth(config.clientAuth() == TlsConfig.ClientAuth.REQUIRED);
            if (config.clientAuth() == TlsConfig.ClientAuth.OPTIONAL) {
                p.setWantClientAuth(true);
            }
        } else {
            p.setEndpointIdentificationAlgorithm(null); // DICOM peers are identified by certificate trust, not host name
        }
        return p;
    }
}
