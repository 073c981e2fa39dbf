package dev.custodian.interop.dimse;

import dev.custodian.interop.support.NamedThreads;
import dev.custodian.net.dimse.DimseFailure;
import dev.custodian.net.dimse.RequestContext;
import dev.custodian.net.dimse.Status;
import dev.custodian.net.pdu.PduLimits;
import dev.custodian.net.service.CStoreService;
import dev.custodian.net.service.DicomClient;
import dev.custodian.net.service.DicomServer;
import dev.custodian.net.service.DicomServerConfig;
import dev.custodian.net.service.DimseThreads;
import dev.custodian.net.service.ServiceRegistry;
import dev.custodian.net.service.StorageSopClasses;
import dev.custodian.net.transport.AcceptorConfig;
import dev.custodian.net.transport.RequestorConfig;
import dev.custodian.net.ul.AssociationRuntime;
import dev.custodian.net.ul.AssociationSettings;
import dev.custodian.dicom.file.FileMetaInformation;
import dev.custodian.dicom.file.Part10StreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named threads, and a DIMSE server on 127.0.0.1:ephemeral whose C-STORE SCP writes each
 * received data set, bytes as received, after a File Meta Information into {@code received}.
 */
final class DimseFixture implements AutoCloseable {
    static final String AE = "CUSTODIAN";
    static final Duration DIMSE_TIMEOUT = Duration.ofSeconds(30);

    final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(new NamedThreads("dimse-it-artim"));
    final AssociationRuntime runtime = new AssociationRuntime(new NamedThreads("dimse-it-reader"), scheduler);
    final Path received;
    /** The distinct sessions (associations) C-STORE requests came on. */
    final Set<Object> storeSessions = ConcurrentHashMap.newKeySet();
    final AtomicInteger stored = new AtomicInteger();
    /** SOP Instance UIDs the C-STORE SCP refuses with A700. */
    final Set<String> refused = ConcurrentHashMap.newKeySet();
    private DicomServer server;

    DimseFixture(Path received) {
        this.received = received;
    }

    /** Starts the server; {@code storageSyntaxes} null = the defaults. */
    DimseFixture start(int maxPdu, List<String> storageSyntaxes) throws IOException {
        AcceptorConfig acceptor = new AcceptorConfig("127.0.0.1", 0, 8, settings(maxPdu), null);
        DicomServerConfig config = DicomServerConfig.of(AE, acceptor, DIMSE_TIMEOUT);
        if (storageSyntaxes != null) {
            config = config.withStorageTransferSyntaxes(storageSyntaxes);
        }
        ServiceRegistry registry = ServiceRegistry.builder().verification()
                .store(writer(), StorageSopClasses.standard()).build();
        server = DicomServer.start(config, registry,
                new DimseThreads(runtime, new NamedThreads("dimse-it-acceptor")));
        return this;
    }

    int port() {
        return server.port();
    }

    DicomClient client(String callingAet, int maxPdu) throws IOException {
        RequestorConfig rc = RequestorConfig.plain(settings(maxPdu), Duration.ofSeconds(10), Duration.ofSeconds(10));
        return new DicomClient(callingAet, rc, DIMSE_TIMEOUT, ServiceRegistry.builder().verification().build(),
                runtime);
    }

    /** {@code maxPdu} both as the length we receive and the largest we send. */
    static AssociationSettings settings(int maxPdu) {
        AssociationSettings d = AssociationSettings.DEFAULT;
        return new AssociationSettings(new PduLimits(maxPdu, 1 << 20, 4096), Duration.ofSeconds(10),
                Duration.ofSeconds(60), d.maxCommandLength(), maxPdu, d.implementationClassUid(),
                d.implementationVersionName());
    }

    private CStoreService writer() {
        return (RequestContext ctx, dev.custodian.net.dimse.CStoreRq rq, java.io.InputStream data) -> {
            storeSessions.add(ctx.session());
            if (refused.contains(rq.affectedSopInstanceUid())) {
                data.readNBytes(1000); // the rest is drained by the session before the response
                throw new DimseFailure(Status.OUT_OF_RESOURCES, "refused by the test");
            }
            Path file = received.resolve(rq.affectedSopInstanceUid() + ".dcm");
            FileMetaInformation meta = FileMetaInformation.of(rq.affectedSopClassUid(), rq.affectedSopInstanceUid(),
                    ctx.transferSyntax()).withSourceApplicationEntityTitle(ctx.remoteAet());
            try (OutputStream out = Files.newOutputStream(file)) {
                // Copies the data set bytes verbatim while parsing them (a malformed one fails here).
                Part10StreamWriter.defaults().write(data, meta, out);
            }
            stored.incrementAndGet();
            return Status.SUCCESS;
        };
    }


    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        scheduler.shutdownNow();
    }
}
