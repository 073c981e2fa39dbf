package dev.custodian.server.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Keys and certificates made with the openssl command line, in the PEM forms operators have. */
public final class TestCerts {
    private final Path dir;

    public TestCerts(Path dir) {
        this.dir = dir;
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    /** A self-signed RSA certificate {@code name.crt} with its PKCS #8 key {@code name.key}. */
    public TestCerts rsa(String name) throws IOException {
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", p(name + ".key"), "-out",
                p(name + ".crt"), "-days", "2", "-subj", "/CN=" + name);
        return this;
    }

    /** The key of {@code name} in PKCS #1 ({@code RSA PRIVATE KEY}) as {@code name.rsa.key}. */
    TestCerts traditionalRsa(String name) throws IOException {
        run("openssl", "rsa", "-in", p(name + ".key"), "-traditional", "-out", p(name + ".rsa.key"));
        return this;
    }

    /** A self-signed P-256 certificate {@code name.crt} with its SEC 1 key {@code name.key} ({@code EC PRIVATE KEY}). */
    TestCerts ec(String name) throws IOException {
        run("openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", p(name + ".key"));
        run("openssl", "req", "-x509", "-key", p(name + ".key"), "-out", p(name + ".crt"), "-days", "2",
                "-subj", "/CN=" + name);
        return this;
    }

    /** The key of {@code name} encrypted with a password as {@code name.enc.key}. */
    TestCerts encrypted(String name) throws IOException {
        run("openssl", "pkcs8", "-topk8", "-in", p(name + ".key"), "-out", p(name + ".enc.key"), "-passout",
                "pass:secret");
        return this;
    }

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    static void run(String... cmd) throws IOException {
        Process p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", cmd) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
