package dev.custodian.interop.archive;

import dev.custodian.interop.support.NamedThreads;
import dev.custodian.net.pdu.PduLimits;
import dev.custodian.net.service.DicomClient;
import dev.custodian.net.service.DicomConnection;
import dev.custodian.net.service.DicomServer;
import dev.custodian.net.service.DicomServerConfig;
import dev.custodian.net.service.DimseThreads;
import dev.custodian.net.service.ServiceRegistry;
import dev.custodian.net.transport.AcceptorConfig;
import dev.custodian.net.transport.RequestorConfig;
import dev.custodian.net.ul.AssociationRuntime;
import dev.custodian.net.ul.AssociationSettings;
import dev.custodian.stgcmt.ActionInformationCodec;
import dev.custodian.stgcmt.Commitment;
import dev.custodian.stgcmt.CommitmentRequest;
import dev.custodian.stgcmt.EventInformationCodec;
import dev.custodian.stgcmt.RemoteAe;
import dev.custodian.stgcmt.ReportListener;
import dev.custodian.stgcmt.SopReference;
import dev.custodian.stgcmt.StorageCommitment;
import dev.custodian.stgcmt.StorageCommitmentScu;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A modality asking Custodian for Storage Commitment, built from the {@code stgcmt} library's
 * {@link StorageCommitmentScu} (no dcm4che here): AE {@code aet}, its N-EVENT-REPORT listener on
 * 127.0.0.1:{@code port}, started and stopped at will (to play a modality whose listener is down).
 */
final class CommitmentRequester implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    final String aet;
    final int port;
    final AtomicInteger reportsReceived = new AtomicInteger();
    /** Valid reports received, per Transaction UID (matched to a pending request or not). */
    final ConcurrentHashMap<String, AtomicInteger> reportsPerTransaction = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(new NamedThreads("requester-artim"));
    private final ExecutorService workers = Executors.newCachedThreadPool(new NamedThreads("requester-worker"));
    private final AssociationRuntime runtime = new AssociationRuntime(new NamedThreads("requester-reader"), scheduler);
    final StorageCommitmentScu scu;
    private final ServiceRegistry registry;
    private DicomServer server;

    CommitmentRequester(String aet, int port, Duration reportTimeout) {
        this(aet, port, reportTimeout, Duration.ZERO);
    }

    /** @param linger how long the request's association stays open after the RSP, for a report on it */
    CommitmentRequester(String aet, int port, Duration reportTimeout, Duration linger) {
        this.aet = aet;
        this.port = port;
        this.scu = new StorageCommitmentScu(new ActionInformationCodec(200_000), new EventInformationCodec(200_000),
                reportTimeout, linger, (report, callingAet) -> reportsPerTransaction
                        .computeIfAbsent(report.transactionUid(), tx -> new AtomicInteger()).incrementAndGet(),
                ReportListener.REFUSE, workers);
        this.registry = ServiceRegistry.builder().verification().eventReport(StorageCommitment.SOP_CLASS_UID,
                (ctx, rq, info) -> {
                    reportsReceived.incrementAndGet();
                    return scu.eventReportHandler().eventReport(ctx, rq, info);
                }).build();
    }

    /** Starts the listener for reports on {@link #port}. */
    synchronized void listen() throws IOException {
        AcceptorConfig acceptor = new AcceptorConfig("127.0.0.1", port, 8, settings(), null);
        server = DicomServer.start(DicomServerConfig.of(aet, acceptor, TIMEOUT), registry,
                new DimseThreads(runtime, new NamedThreads("requester-acceptor")));
    }

    synchronized void stopListening() {
        if (server != null) {
            server.close(Duration.ofSeconds(5));
            server = null;
        }
    }

    /** Sends a request for {@code refs} to the SCP and releases the association after the RSP. */
    Commitment request(String scpAet, int scpPort, List<SopReference> refs) throws IOException {
        return scu.request(client(), new RemoteAe(scpAet, "127.0.0.1", scpPort), new CommitmentRequest(newUid(), refs));
    }

    /** An association to the SCP proposing Storage Commitment (for hand-made N-ACTIONs). */
    DicomConnection connect(String scpAet, int scpPort) throws IOException {
        DicomClient client = client();
        return client.connect("127.0.0.1", scpPort, StorageCommitmentScu.proposal(client, scpAet));
    }

    DicomClient client() throws IOException {
        return new DicomClient(aet, RequestorConfig.plain(settings(), Duration.ofSeconds(10), TIMEOUT), TIMEOUT,
                registry, runtime);
    }

    static String newUid() {
        return "2.25." + new java.math.BigInteger(UUID.randomUUID().toString().replace("-", ""), 16);
    }

    static AssociationSettings settings() {
        return AssociationSettings.DEFAULT.withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(60))
                .withLimits(new PduLimits(65_536, 1 << 20, 4096));
    }

    @Override
    public void close() {
        stopListening();
        workers.shutdownNow();
        scheduler.shutdownNow();
    }
}
