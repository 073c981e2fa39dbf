package dev.custodian.server.rest;

import dev.custodian.server.tls.HttpsMaterial;
import java.util.EventListener;
import javax.net.ssl.SSLEngine;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.ssl.SslHandshakeListener;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jetty connector of the REST API when {@code SslEnabled}: HTTPS only (as Orthanc, no plain
 * port beside it), our certificate from {@code SslCertificate}, client certificates required and
 * checked against {@code SslTrustedClientCertificates} when {@code SslVerifyPeers}. A failed
 * handshake (plain HTTP on the port, an untrusted or missing client certificate, an old protocol)
 * closes that connection only, with one warning.
 */
final class HttpsConnector {
    private static final Logger LOG = LoggerFactory.getLogger(HttpsConnector.class);

    private HttpsConnector() {}

    static Connector create(Server server, HttpConfiguration plain, HttpsMaterial tls, String host, int port) {
        HttpConfiguration https = new HttpConfiguration(plain);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false); // clients reach us by IP address or any alias: the host is not the identity
        https.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(server,
                new SslConnectionFactory(contextFactory(tls), HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        connector.addBean(new RefusedHandshakes());
        return connector;
    }

    static SslContextFactory.Server contextFactory(HttpsMaterial tls) {
        SslContextFactory.Server f = new SslContextFactory.Server();
        f.setKeyStore(tls.identity());
        f.setKeyStorePassword(new String(tls.keyPassword()));
        f.setKeyManagerPassword(new String(tls.keyPassword()));
        f.setIncludeProtocols(tls.protocols().toArray(String[]::new));
        if (!tls.cipherSuites().isEmpty()) {
            f.setIncludeCipherSuites(tls.cipherSuites().toArray(String[]::new));
        }
        tls.clientTrust().ifPresent(trust -> {
            f.setTrustStore(trust);
            f.setNeedClientAuth(true);
        });
        return f;
    }

    /** One WARN per refused connection: who, and why. */
    private static final class RefusedHandshakes implements SslHandshakeListener, EventListener {
        @Override
        public void handshakeFailed(Event event, Throwable failure) {
            SSLEngine engine = event.getSSLEngine();
            LOG.warn("HTTPS connection from {} refused: TLS handshake failed: {}", engine.getPeerHost(),
                    failure.getMessage());
        }
    }
}
