package dev.custodian.interop.dimse;

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
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named threads, and a DIMSE server on 127.0.0.1:ephemeral whose C-STORE SCP writes each
 * received data set, bytes as received, after a File Meta Information into {@code received}.
 */
final class DimseFixture implements AutoCloseable {
    static final String AE = "CUSTODIAN";
    static final Duration DIMSE_TIMEOUT = Duration.ofSeconds(30);

    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(named("dimse-it-artim"));
    final ExecutorService workers = Executors.newCachedThreadPool(named("dimse-it-worker"));
    final AssociationRuntime runtime = new AssociationRuntime(named("dimse-it-reader"), scheduler);
    final Path received;
    /** The distinct sessions (associations) C-STORE requests came on. */
    final Set<Object> storeSessions = ConcurrentHashMap.newKeySet();
    final AtomicInteger stored = new AtomicInteger();
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
                new DimseThreads(runtime, named("dimse-it-acceptor"), workers));
        return this;
    }

    int port() {
        return server.port();
    }

    DicomClient client(String callingAet, int maxPdu) throws IOException {
        RequestorConfig rc = RequestorConfig.plain(settings(maxPdu), Duration.ofSeconds(10), Duration.ofSeconds(10));
        return new DicomClient(callingAet, rc, DIMSE_TIMEOUT, ServiceRegistry.builder().verification().build(),
                runtime, workers);
    }

    static AssociationSettings settings(int maxPdu) {
        return AssociationSettings.DEFAULT.withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(60))
                .withLimits(new PduLimits(maxPdu, 1 << 20, 4096));
    }

    private CStoreService writer() {
        return (RequestContext ctx, dev.custodian.net.dimse.CStoreRq rq, java.io.InputStream data) -> {
            storeSessions.add(ctx.session());
            Path file = received.resolve(rq.affectedSopInstanceUid() + ".dcm");
            Part10.write(file, rq.affectedSopClassUid(), rq.affectedSopInstanceUid(), ctx.transferSyntax(),
                    ctx.remoteAet(), data);
            stored.incrementAndGet();
            return Status.SUCCESS;
        };
    }

    static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        workers.shutdownNow();
        scheduler.shutdownNow();
    }
}
