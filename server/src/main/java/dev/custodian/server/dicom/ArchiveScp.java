package dev.custodian.server.dicom;

import dev.custodian.dicom.dict.Uid;
import dev.custodian.net.dimse.DimseSession;
import dev.custodian.net.dimse.RequestContext;
import dev.custodian.net.dimse.Status;
import dev.custodian.net.pdu.PduLimits;
import dev.custodian.net.service.DicomServer;
import dev.custodian.net.service.DicomServerConfig;
import dev.custodian.net.service.ServiceRegistry;
import dev.custodian.net.service.SessionListener;
import dev.custodian.net.service.StorageSopClasses;
import dev.custodian.net.transport.AcceptorConfig;
import dev.custodian.net.ul.Association;
import dev.custodian.net.ul.AssociationSettings;
import dev.custodian.net.ul.CloseReason;
import dev.custodian.net.ul.TransferSyntaxSelection;
import dev.custodian.server.config.AcceptedTransferSyntaxPreference;
import dev.custodian.server.config.CustodianConfig;
import dev.custodian.server.index.Ingest;
import dev.custodian.server.index.Modalities;
import dev.custodian.server.tls.DicomTls;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archive's DICOM listener on {@code DicomPort}: Verification and Storage SCP (PS3.4 Annexes
 * A, B) for every standard storage SOP class and transfer syntax: a {@link DicomServer} whose
 * acceptor policy is {@link AssociationRules} (in place of the server's default, which always
 * checks the called AE title and cannot see the peer's address). Of the syntaxes a context
 * proposes, the sender's first is accepted (stored as sent) unless
 * {@code AcceptedTransferSyntaxPreference} is {@code "Uncompressed"}.
 * Like Orthanc it listens on all interfaces ({@code RemoteAccessAllowed} concerns HTTP only); at
 * most {@code DicomMaximumAssociations} at once, PDUs up to {@code MaximumPduLength}, an
 * association idle for {@code DicomScpTimeout} seconds is aborted (0 = never); DICOM TLS (PS3.15
 * Annex B) when {@code DicomTlsEnabled}. One log line
 * when an association opens and one when it closes, with its counts.
 */
public final class ArchiveScp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveScp.class);
    /** Where the data set of a request waits at most this long when the SCP timeout is 0. */
    private static final Duration DEFAULT_DIMSE_TIMEOUT = Duration.ofMinutes(10);

    private final DicomServer server;
    private final Clock clock;
    private final Map<DimseSession, AssociationCounters> counters = new ConcurrentHashMap<>();
    private final Map<DimseSession, OpenAssociation> opened = new ConcurrentHashMap<>();
    private final StoringAssociations storing;

    /**
     * Further DIMSE services on {@code DicomPort} besides Verification and Storage (e.g. the
     * Storage Commitment SCP's N-ACTION and the SCU's N-EVENT-REPORT receiver).
     */
    @FunctionalInterface
    public interface Services {
        void register(ServiceRegistry.Builder registry);
    }

    private ArchiveScp(CustodianConfig config, String bindAddress, Modalities modalities, Ingest ingest, Clock clock,
                       DicomThreads threads, DicomTls tls, StoringAssociations storing, List<Services> services)
            throws IOException {
        this.clock = clock;
        this.storing = storing;
        ServiceRegistry.Builder builder = ServiceRegistry.builder()
                .echo(Uid.Verification, (ctx, rq) -> {
                    counters(ctx).echoed();
                    return Status.SUCCESS;
                })
                .store(new StoreScp(ingest, clock, this::storeCounters), StorageSopClasses.standard());
        services.forEach(s -> s.register(builder));
        ServiceRegistry registry = builder.build();
        DicomServerConfig serverConfig = serverConfig(config, bindAddress, tls);
        AssociationRules rules = new AssociationRules(config, modalities::all,
                DicomServer.supportedSyntaxes(serverConfig, registry));
        this.server = DicomServer.builder(serverConfig, registry, threads.forServer())
                .policy(rules)
                .sessionListener(new Sessions())
                .start();
    }

    /** Binds {@code DicomPort} on all interfaces and starts accepting (over TLS when {@code tls} has an acceptor). */
    public static ArchiveScp start(CustodianConfig config, Modalities modalities, Ingest ingest, Clock clock,
                                   DicomThreads threads, DicomTls tls, Services... services) throws IOException {
        return start(config, "0.0.0.0", modalities, ingest, clock, threads, tls, services);
    }

    /** The same on {@code bindAddress} (tests: 127.0.0.1). */
    public static ArchiveScp start(CustodianConfig config, String bindAddress, Modalities modalities, Ingest ingest,
                                   Clock clock, DicomThreads threads, DicomTls tls, Services... services)
            throws IOException {
        return start(config, bindAddress, modalities, ingest, clock, threads, tls, new StoringAssociations(), services);
    }

    /** The same, telling {@code storing} which associations are storing (for the commitment in-flight grace). */
    public static ArchiveScp start(CustodianConfig config, String bindAddress, Modalities modalities, Ingest ingest,
                                   Clock clock, DicomThreads threads, DicomTls tls, StoringAssociations storing,
                                   Services... services) throws IOException {
        return new ArchiveScp(config, bindAddress, modalities, ingest, clock, threads, tls, storing,
                List.of(services));
    }

    public int port() {
        return server.port();
    }

    /** Stops accepting; waits up to {@code grace} for open associations, then aborts them. */
    public void close(Duration grace) {
        server.close(grace);
    }

    @Override
    public void close() {
        server.close();
    }

    /** The associations open now, oldest first, with what each has done so far. */
    public List<OpenAssociation> openAssociations() {
        return opened.entrySet().stream().map(e -> {
            OpenAssociation a = e.getValue();
            AssociationCounters c = counters.get(e.getKey());
            return c == null ? a : new OpenAssociation(a.callingAet(), a.calledAet(), a.remoteHost(), a.openedAt(),
                    c.storedCount(), c.failedCount(), c.echoCount());
        }).sorted(java.util.Comparator.comparing(OpenAssociation::openedAt)).toList();
    }

    private AssociationCounters storeCounters(RequestContext ctx) {
        storing.stored(ctx.session());
        return counters(ctx);
    }

    private AssociationCounters counters(RequestContext ctx) {
        AssociationCounters c = counters.get(ctx.session());
        return c != null ? c : new AssociationCounters("", System.nanoTime());
    }

    /** One log line when an association opens, one with its counts when it closes. */
    private final class Sessions implements SessionListener {
        @Override
        public void opened(Association association, DimseSession session) {
            String host = AssociationRules.hostOf(association.remoteAddress());
            counters.put(session, new AssociationCounters(host, System.nanoTime()));
            opened.put(session, new OpenAssociation(association.remoteAeTitle(), association.localAeTitle(), host,
                    clock.instant(), 0, 0, 0));
            storing.opened(session, association.remoteAeTitle());
            LOG.info("association from {} ({}) to {} opened", association.remoteAeTitle(),
                    association.remoteAddress(), association.localAeTitle());
        }

        @Override
        public void closed(Association association, DimseSession session, CloseReason reason) {
            AssociationCounters count = counters.remove(session);
            opened.remove(session);
            storing.closed(session);
            LOG.info("association from {} ({}) closed ({}): {}", association.remoteAeTitle(),
                    association.remoteAddress(), reason, count == null ? "" : count.summary(System.nanoTime()));
        }
    }

    /**
     * The listener of {@code DicomPort}: the AE title is {@code DicomAet} (whether it is checked
     * is {@link AssociationRules}' business), the default transfer syntaxes, picked in the order
     * {@code AcceptedTransferSyntaxPreference} says, and the DIMSE timeout is the SCP timeout (or
     * 10 minutes when that is 0); DICOM TLS when {@code DicomTlsEnabled}.
     */
    static DicomServerConfig serverConfig(CustodianConfig config, String bindAddress, DicomTls tls) {
        Duration timeout = config.dicomScpTimeoutSeconds() == 0 ? DEFAULT_DIMSE_TIMEOUT
                : Duration.ofSeconds(config.dicomScpTimeoutSeconds());
        AcceptorConfig acceptor = new AcceptorConfig(bindAddress, config.dicomPort(),
                config.dicomMaximumAssociations(), settings(config), tls.acceptor().orElse(null));
        return DicomServerConfig.of(config.dicomAet(), acceptor, timeout)
                .withTransferSyntaxSelection(selection(config.acceptedTransferSyntaxPreference()));
    }

    /**
     * {@code "Proposer"}: the sender's order, so each instance is stored in the encoding it was
     * sent in; {@code "Uncompressed"}: our fixed order, uncompressed syntaxes first.
     */
    static TransferSyntaxSelection selection(AcceptedTransferSyntaxPreference preference) {
        return switch (preference) {
            case PROPOSER -> TransferSyntaxSelection.PROPOSER_ORDER;
            case UNCOMPRESSED -> TransferSyntaxSelection.ACCEPTOR_ORDER;
        };
    }

    /** {@code MaximumPduLength} is what we announce and the largest we send; idle timeout = SCP timeout. */
    static AssociationSettings settings(CustodianConfig config) {
        AssociationSettings d = AssociationSettings.DEFAULT;
        Duration idle = Duration.ofSeconds(config.dicomScpTimeoutSeconds());
        return new AssociationSettings(new PduLimits(config.maximumPduLength(), d.limits().maxAssociateLength(),
                d.limits().maxItems()), d.artimTimeout(), idle, d.maxCommandLength(), config.maximumPduLength(),
                d.implementationClassUid(), d.implementationVersionName());
    }
}
