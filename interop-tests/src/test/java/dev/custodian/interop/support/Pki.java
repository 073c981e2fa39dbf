package dev.custodian.interop.support;

import dev.custodian.net.transport.TlsConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A throw-away PKI made with openssl and keytool: a CA, a server and a client certificate it
 * signs (PEM for DCMTK, PKCS12 for JSSE), a trust store holding the CA, and a self-signed
 * "rogue" client the CA never signed; {@code server-bundle.pem} is the server's key, certificate and
 * CA in one file (Orthanc's {@code SslCertificate} form).
 */
public final class Pki {
    public static final char[] PASSWORD = "changeit".toCharArray();
    public final Path dir;

    private Pki(Path dir) {
        this.dir = dir;
    }

    public static Pki create(Path dir) throws IOException {
        Pki pki = new Pki(dir);
        pki.make();
        return pki;
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    public String path(String name) {
        return file(name).toString();
    }

    private void make() throws IOException {
        Tools.run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", path("ca.key"),
                "-out", path("ca.pem"), "-days", "2", "-subj", "/CN=Custodian Test CA",
                "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign").requireSuccess("openssl CA");
        Files.writeString(file("leaf.ext"), String.join("\n",
                "basicConstraints=CA:FALSE",
                "keyUsage=critical,digitalSignature,keyEncipherment",
                "extendedKeyUsage=serverAuth,clientAuth",
                "subjectAltName=IP:127.0.0.1,DNS:localhost", ""));
        leaf("server", "/CN=localhost");
        leaf("client", "/CN=OURSCU");
        Tools.run("keytool", "-importcert", "-noprompt", "-alias", "ca", "-file", path("ca.pem"),
                "-keystore", path("trust.p12"), "-storetype", "PKCS12", "-storepass", "changeit")
                .requireSuccess("keytool trust store");
        Tools.run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", path("rogue.key"),
                "-out", path("rogue.pem"), "-days", "2", "-subj", "/CN=ROGUE").requireSuccess("openssl rogue");
        // Orthanc's SslCertificate: the private key and the certificate chain in one PEM file
        Files.writeString(file("server-bundle.pem"), Files.readString(file("server.key"))
                + Files.readString(file("server.pem")) + Files.readString(file("ca.pem")));
    }

    private void leaf(String name, String subject) {
        Tools.run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", path(name + ".key"),
                "-out", path(name + ".csr"), "-subj", subject).requireSuccess("openssl " + name + " request");
        Tools.run("openssl", "x509", "-req", "-in", path(name + ".csr"), "-CA", path("ca.pem"), "-CAkey",
                path("ca.key"), "-CAcreateserial", "-days", "2", "-extfile", path("leaf.ext"),
                "-out", path(name + ".pem")).requireSuccess("openssl sign " + name);
        Tools.run("openssl", "pkcs12", "-export", "-in", path(name + ".pem"), "-inkey", path(name + ".key"),
                "-certfile", path("ca.pem"), "-name", name, "-out", path(name + ".p12"),
                "-passout", "pass:changeit").requireSuccess("openssl pkcs12 " + name);
    }

    /** Our acceptor: the server certificate, clients must present one the CA signed. */
    public TlsConfig acceptor() throws IOException {
        return TlsConfig.fromPkcs12(file("server.p12"), PASSWORD, file("trust.p12"), PASSWORD,
                TlsConfig.ClientAuth.REQUIRED, TlsConfig.DEFAULT_PROTOCOLS);
    }

    /** Our requestor: the client certificate, trusting servers the CA signed. */
    public TlsConfig requestor() throws IOException {
        return TlsConfig.fromPkcs12(file("client.p12"), PASSWORD, file("trust.p12"), PASSWORD,
                TlsConfig.ClientAuth.NONE, TlsConfig.DEFAULT_PROTOCOLS);
    }
}
