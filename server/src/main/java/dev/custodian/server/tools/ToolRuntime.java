package dev.custodian.server.tools;

import dev.custodian.net.pdu.PduLimits;
import dev.custodian.net.service.DicomClient;
import dev.custodian.net.service.DicomServer;
import dev.custodian.net.service.DicomServerConfig;
import dev.custodian.net.service.DimseThreads;
import dev.custodian.net.service.ServiceRegistry;
import dev.custodian.net.transport.AcceptorConfig;
import dev.custodian.net.transport.RequestorConfig;
import dev.custodian.net.transport.TlsConfig;
import dev.custodian.net.ul.AssociationRuntime;
import dev.custodian.net.ul.AssociationSettings;
import dev.custodian.server.tls.ToolTls;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What one run of a tool uses: named daemon threads, the association settings from the common
 * options, the {@link DicomClient}s it opens associations with and the {@link DicomServer} it may
 * listen with; {@link #close()} stops them all.
 */
final class ToolRuntime implements AutoCloseable {
    private static final int MAX_LISTENER_ASSOCIATIONS = 8;

    private final CommonOptions options;
    /** Null for plain TCP. */
    private final ToolTls tls;
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(new ToolThreads("custodian-tool-artim"));
    private final ExecutorService workers = Executors.newCachedThreadPool(new ToolThreads("custodian-tool-worker"));
    private final AssociationRuntime association =
            new AssociationRuntime(new ToolThreads("custodian-tool-reader"), scheduler);
    private final List<DicomServer> servers = new ArrayList<>();

    /** @param tls DICOM TLS from {@link TlsSetup}, or null for plain TCP */
    ToolRuntime(CommonOptions options, ToolTls tls) {
        this.options = options;
        this.tls = tls;
    }

    Duration timeout() {
        return options.timeout;
    }

    /** Completes futures and releases associations off the reader threads. */
    ExecutorService workers() {
        return workers;
    }

    /** No idle limit: the tool's own time-out bounds every wait. */
    AssociationSettings settings() {
        return AssociationSettings.DEFAULT.withTimeouts(options.timeout, Duration.ZERO)
                .withLimits(new PduLimits(options.maxPdu, PduLimits.DEFAULT.maxAssociateLength(),
                        PduLimits.DEFAULT.maxItems()));
    }

    /** A client calling as {@code callingAet}; requests the peer sends on its associations go to {@code incoming}. */
    DicomClient client(String callingAet, ServiceRegistry incoming) throws IOException {
        return new DicomClient(callingAet, new RequestorConfig(settings(), options.timeout, options.timeout,
                tls == null ? null : tls.requestor()),
                options.timeout, incoming, association);
    }

    /** Why an association could not be established, in words ({@link Failures#connect}). */
    String connectFailure(IOException e) {
        return Failures.connect(e, tls != null);
    }

    /**
     * Listens as {@code bind} (every interface unless it names a host) for {@code services}, with
     * TLS when the associations we open have it (the SCP then reports to us over TLS).
     */
    DicomServer listen(BindAddress bind, ServiceRegistry services) throws IOException {
        TlsConfig listenerTls = tls == null ? null : tls.acceptor().orElseThrow(() -> new IllegalStateException(
                "a TLS listener without our certificate: TlsSetup checks this"));
        AcceptorConfig acceptor = new AcceptorConfig(bind.host() == null ? "0.0.0.0" : bind.host(), bind.port(),
                MAX_LISTENER_ASSOCIATIONS, settings(), listenerTls);
        DicomServer server = DicomServer.start(DicomServerConfig.of(bind.aeTitle(), acceptor, options.timeout),
                services, new DimseThreads(association, new ToolThreads("custodian-tool-accept")));
        servers.add(server);
        return server;
    }

    @Override
    public void close() {
        servers.forEach(s -> s.close(Duration.ofSeconds(2)));
        workers.shutdownNow();
        scheduler.shutdownNow();
    }
}
