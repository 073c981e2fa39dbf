package dev.custodian.interop.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.custodian.dicom.dict.Uid;
import dev.custodian.interop.support.NamedThreads;
import dev.custodian.interop.support.Part10;
import dev.custodian.interop.support.Pki;
import dev.custodian.interop.support.Ports;
import dev.custodian.interop.support.TestFiles;
import dev.custodian.interop.support.TestInstances;
import dev.custodian.interop.support.Tools;
import dev.custodian.net.dimse.CStoreRq;
import dev.custodian.net.dimse.RequestContext;
import dev.custodian.net.dimse.Status;
import dev.custodian.net.pdu.PduLimits;
import dev.custodian.net.service.CStoreService;
import dev.custodian.net.service.DicomClient;
import dev.custodian.net.service.DicomConnection;
import dev.custodian.net.service.DicomServer;
import dev.custodian.net.service.DicomServerConfig;
import dev.custodian.net.service.DimseThreads;
import dev.custodian.net.service.ServiceRegistry;
import dev.custodian.net.service.StorageSopClasses;
import dev.custodian.net.transport.AcceptorConfig;
import dev.custodian.net.transport.RequestorConfig;
import dev.custodian.net.ul.AssociationProposal;
import dev.custodian.net.ul.AssociationRuntime;
import dev.custodian.net.ul.AssociationSettings;
import dev.custodian.net.ul.DataWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * C-STORE over DICOM TLS (PS3.15 Annex B.1, BCP 195), both ways, with mutual certificate
 * authentication against a test CA: DCMTK {@code storescu +tls} to our acceptor, and our
 * {@link DicomClient} to {@code storescp +tls}. Every data set must arrive byte for byte.
 */
class TlsStoreIT {
    private static final String AE = "CUSTODIAN";
    private static final String VERIFICATION = "1.2.840.10008.1.1";
    private static final Duration LIMIT = Duration.ofSeconds(120);

    @TempDir
    static Path work;
    static Pki pki;
    /** Two 256x256 instances (128 KB of pixels: many PDUs) and four 24x24 ones. */
    static List<Path> files;

    @TempDir
    Path received;
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(new NamedThreads("tls-artim"));
    private final AssociationRuntime runtime = new AssociationRuntime(new NamedThreads("tls-reader"), scheduler);
    private final Set<String> storedBy = ConcurrentHashMap.newKeySet();
    private DicomServer server;
    private Process storescp;

    @BeforeAll
    static void makePkiAndData() throws IOException {
        pki = Pki.create(Files.createDirectories(work.resolve("pki")));
        files = new ArrayList<>(TestInstances.secondaryCapture(work.resolve("large"), "large", 2, 256, 11L));
        files.addAll(TestInstances.secondaryCapture(work.resolve("small"), "small", 4, 24, 12L));
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.close(Duration.ofSeconds(2));
        }
        if (storescp != null) {
            Tools.stop(storescp, Duration.ofSeconds(10));
        }
        scheduler.shutdownNow();
    }

    private static AssociationSettings settings() {
        return AssociationSettings.DEFAULT.withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(60))
                .withLimits(new PduLimits(16_384, 1 << 20, 4096));
    }

    /** Our TLS acceptor whose C-STORE SCP writes each data set, as received, to {@code received}. */
    private int startServer() throws IOException {
        CStoreService writer = (RequestContext ctx, CStoreRq rq, InputStream data) -> {
            try (OutputStream out = Files.newOutputStream(received.resolve(rq.affectedSopInstanceUid()))) {
                data.transferTo(out);
            }
            storedBy.add(ctx.remoteAet() + " " + ctx.transferSyntax());
            return Status.SUCCESS;
        };
        AcceptorConfig acceptor = new AcceptorConfig("127.0.0.1", 0, 8, settings(), pki.acceptor());
        server = DicomServer.start(DicomServerConfig.of(AE, acceptor, Duration.ofSeconds(30)),
                ServiceRegistry.builder().verification().store(writer, StorageSopClasses.standard()).build(),
                new DimseThreads(runtime, new NamedThreads("tls-acceptor")));
        return server.port();
    }

    private Tools.Result storescu(int port, String key, String cert) {
        List<String> cmd = new ArrayList<>(List.of("storescu", "-R", "-xe", "+tls", key, cert,
                "+cf", pki.path("ca.pem"), "-aet", "STORESCU", "-aec", AE, "127.0.0.1", String.valueOf(port)));
        files.forEach(f -> cmd.add(f.toString()));
        return Tools.run(LIMIT, cmd);
    }

    @Test
    void storescuOverTlsStoresOnOurAcceptorByteForByte() throws Exception {
        int port = startServer();
        storescu(port, pki.path("client.key"), pki.path("client.pem")).requireSuccess("storescu +tls");

        List<Path> got = TestFiles.filesIn(received);
        assertThat(got).hasSize(files.size());
        List<String> digests = new ArrayList<>();
        for (Path f : got) {
            digests.add(TestFiles.sha256(Files.readAllBytes(f)));
        }
        digests.sort(null);
        assertThat(digests).isEqualTo(TestFiles.dataSetDigests(files));
        assertThat(storedBy).containsExactly("STORESCU " + Uid.ExplicitVRLittleEndian);
    }

    @Test
    void storescuWithACertificateOurCaDidNotSignIsRefused() throws Exception {
        int port = startServer();
        Tools.Result r = storescu(port, pki.path("rogue.key"), pki.path("rogue.pem"));
        assertThat(r.exitCode()).as(r.output()).isNotZero();
        assertThat(TestFiles.filesIn(received)).isEmpty();
        // and the acceptor still serves a trusted client
        storescu(port, pki.path("client.key"), pki.path("client.pem")).requireSuccess("storescu +tls");
        assertThat(TestFiles.filesIn(received)).hasSize(files.size());
    }

    private int startStorescp() throws IOException {
        int port = Ports.freePort();
        Path log = work.resolve("storescp-" + port + ".log");
        storescp = Tools.start(log, List.of("storescp", "-v", "+B", "-od", received.toString(), "-aet", "STORESCP",
                "+tls", pki.path("server.key"), pki.path("server.pem"), "+cf", pki.path("ca.pem"),
                String.valueOf(port)));
        Ports.awaitListening(port, storescp, log);
        return port;
    }

    @Test
    void ourScuOverTlsStoresOnStorescpByteForByte() throws Exception {
        int port = startStorescp();
        RequestorConfig config = new RequestorConfig(settings(), Duration.ofSeconds(10), Duration.ofSeconds(10),
                pki.requestor());
        DicomClient client = new DicomClient("OURSCU", config, Duration.ofSeconds(30),
                ServiceRegistry.builder().verification().build(), runtime);
        AssociationProposal proposal = client.propose("STORESCP")
                .context(VERIFICATION, "1.2.840.10008.1.2")
                .context(TestInstances.SECONDARY_CAPTURE, Uid.ExplicitVRLittleEndian).build();
        try (DicomConnection c = client.connect("127.0.0.1", port, proposal)) {
            assertThat(c.echo().get(30, TimeUnit.SECONDS).status().isSuccess()).isTrue();
            for (Path f : files) {
                Part10 p = Part10.read(f);
                assertThat(c.store(p.sopClassUid(), p.sopInstanceUid(), p.transferSyntaxUid(),
                        DataWriter.of(p.dataSet())).get(30, TimeUnit.SECONDS).status().isSuccess()).isTrue();
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> TestFiles.filesIn(received).size() == files.size());
        assertThat(TestFiles.dataSetDigests(TestFiles.filesIn(received)))
                .isEqualTo(TestFiles.dataSetDigests(files));
    }

}
