package dev.custodian.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemFilesTest {
    @TempDir
    static Path dir;
    static TestCerts certs;

    @BeforeAll
    static void make() throws Exception {
        certs = new TestCerts(dir).rsa("a").traditionalRsa("a").ec("e").encrypted("a");
    }

    private static List<PemFiles.Block> blocks(String file) throws Exception {
        return PemFiles.blocks(Files.readString(certs.file(file)));
    }

    @Test
    void blocksAreFoundBetweenAnyOtherText() {
        String text = "Bag Attributes\n    friendlyName: x\n-----BEGIN CERTIFICATE-----\nAAEC\nAw==\n-----END CERTIFICATE-----\n"
                + "junk\n-----BEGIN PRIVATE KEY-----\r\nBAU=\r\n-----END PRIVATE KEY-----\n";
        List<PemFiles.Block> b = PemFiles.blocks(text);
        assertThat(b).extracting(PemFiles.Block::label).containsExactly("CERTIFICATE", "PRIVATE KEY");
        assertThat(b.get(0).der()).containsExactly(0, 1, 2, 3);
        assertThat(b.get(1).der()).containsExactly(4, 5);
    }

    @Test
    void mismatchedEndLabelsAndNoBlocksGiveNothing() {
        assertThat(PemFiles.blocks("-----BEGIN CERTIFICATE-----\nAAEC\n-----END PRIVATE KEY-----")).isEmpty();
        assertThat(PemFiles.blocks("just text")).isEmpty();
    }

    @Test
    void certificatesOfAConcatenationAreAllRead() throws Exception {
        String both = Files.readString(certs.file("a.crt")) + Files.readString(certs.file("e.crt"));
        assertThat(PemFiles.certificates(PemFiles.blocks(both)))
                .extracting(c -> c.getSubjectX500Principal().getName()).containsExactly("CN=a", "CN=e");
    }

    @Test
    void pkcs8Pkcs1AndSec1KeysAreRead() throws Exception {
        PrivateKey pkcs8 = PrivateKeys.first(blocks("a.key"));
        PrivateKey pkcs1 = PrivateKeys.first(blocks("a.rsa.key"));
        assertThat(pkcs8).isInstanceOf(RSAPrivateCrtKey.class);
        assertThat(((RSAPrivateCrtKey) pkcs1).getModulus()).isEqualTo(((RSAPrivateCrtKey) pkcs8).getModulus());
        assertThat(blocks("a.rsa.key").get(0).label()).isEqualTo("RSA PRIVATE KEY");
        assertThat(blocks("e.key").get(0).label()).isEqualTo("EC PRIVATE KEY");
        assertThat(PrivateKeys.first(blocks("e.key"))).isInstanceOf(ECPrivateKey.class);
    }

    @Test
    void keysMatchOnlyTheirCertificates() throws Exception {
        PrivateKey rsa = PrivateKeys.first(blocks("a.key"));
        PrivateKey ec = PrivateKeys.first(blocks("e.key"));
        var rsaCert = PemFiles.certificates(blocks("a.crt")).get(0);
        var ecCert = PemFiles.certificates(blocks("e.crt")).get(0);
        assertThat(TlsMaterial.matches(rsa, rsaCert.getPublicKey())).isTrue();
        assertThat(TlsMaterial.matches(ec, ecCert.getPublicKey())).isTrue();
        assertThat(TlsMaterial.matches(rsa, ecCert.getPublicKey())).isFalse();
        assertThat(TlsMaterial.matches(ec, rsaCert.getPublicKey())).isFalse();
    }

    @Test
    void encryptedOrAbsentKeysAreRefusedWithAReason() {
        assertThatThrownBy(() -> PrivateKeys.first(blocks("a.enc.key"))).hasMessageContaining("encrypted");
        assertThatThrownBy(() -> PrivateKeys.first(blocks("a.crt"))).hasMessageContaining("no private key");
    }
}
