package dev.custodian.interop.archive;

import dev.custodian.interop.support.NamedThreads;
import dev.custodian.net.dimse.NEventReportRsp;
import dev.custodian.net.dimse.Status;
import dev.custodian.net.pdu.PduLimits;
import dev.custodian.net.service.DicomClient;
import dev.custodian.net.service.DicomServer;
import dev.custodian.net.service.DicomServerConfig;
import dev.custodian.net.service.DimseThreads;
import dev.custodian.net.service.ServiceRegistry;
import dev.custodian.net.transport.AcceptorConfig;
import dev.custodian.net.transport.RequestorConfig;
import dev.custodian.net.ul.AssociationRuntime;
import dev.custodian.net.ul.AssociationSettings;
import dev.custodian.stgcmt.ActionInformationCodec;
import dev.custodian.stgcmt.CommitmentReport;
import dev.custodian.stgcmt.CommitmentRequest;
import dev.custodian.stgcmt.EventInformationCodec;
import dev.custodian.stgcmt.EventReportSender;
import dev.custodian.stgcmt.RemoteAe;
import dev.custodian.stgcmt.StorageCommitment;
import dev.custodian.stgcmt.StorageCommitmentScp;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A Storage Commitment SCP built from the {@code stgcmt} library, AE {@value #AET}, that accepts
 * every N-ACTION and reports only when the test says so, on a new association it opens to the
 * requester with the SCP role by role selection (PS3.4 §J.3.3.1.2) — a slow remote, so that the
 * requester can be restarted in between. Or, with {@code reportAtOnce}, on the N-ACTION's own
 * association right after accepting it.
 */
final class LateCommitmentScp implements AutoCloseable {
    static final String AET = "LATESCP";

    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(new NamedThreads("late-scp-artim"));
    private final ExecutorService workers = Executors.newCachedThreadPool(new NamedThreads("late-scp-worker"));
    private final AssociationRuntime runtime = new AssociationRuntime(new NamedThreads("late-scp-reader"), scheduler);
    private final EventInformationCodec codec = new EventInformationCodec();
    private final EventReportSender sender = new EventReportSender(codec, workers);
    private final DicomServer server;
    private final DicomClient client;
    final List<CommitmentRequest> requests = new CopyOnWriteArrayList<>();

    LateCommitmentScp(boolean reportAtOnce) throws IOException {
        StorageCommitmentScp scp = new StorageCommitmentScp(new ActionInformationCodec(), (request, origin) -> {
            requests.add(request);
            if (reportAtOnce) {
                sender.sendOnSameAssociation(origin.session(), CommitmentReport.of(request, AET, java.util.Map.of()));
            }
        });
        ServiceRegistry registry = ServiceRegistry.builder().verification()
                .action(StorageCommitment.SOP_CLASS_UID, scp).build();
        AcceptorConfig acceptor = new AcceptorConfig("127.0.0.1", 0, 8, settings(), null);
        server = DicomServer.start(DicomServerConfig.of(AET, acceptor, Duration.ofSeconds(30)), registry,
                new DimseThreads(runtime, new NamedThreads("late-scp-acceptor")));
        client = new DicomClient(AET, RequestorConfig.plain(settings(), Duration.ofSeconds(10), Duration.ofSeconds(30)),
                Duration.ofSeconds(30), ServiceRegistry.builder().build(), runtime);
    }

    private static AssociationSettings settings() {
        return AssociationSettings.DEFAULT.withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(60))
                .withLimits(new PduLimits(16_384, 1 << 20, 4096));
    }

    int port() {
        return server.port();
    }

    /** Sends {@code report} to the requester at {@code port} on a new association; the RSP status. */
    Status report(int port, CommitmentReport report) throws Exception {
        NEventReportRsp rsp = sender.send(client, new RemoteAe(ArchiveServer.AET, "127.0.0.1", port), report)
                .get(30, TimeUnit.SECONDS);
        return rsp.status();
    }

    /** Reports every instance of request {@code index} committed. */
    Status reportCommitted(int port, int index) throws Exception {
        return report(port, CommitmentReport.of(requests.get(index), AET, java.util.Map.of()));
    }

    @Override
    public void close() {
        server.close(Duration.ofSeconds(5));
        workers.shutdownNow();
        scheduler.shutdownNow();
    }
}
