package dev.custodian.server.dicom;

import dev.custodian.dicom.dict.Uid;
import dev.custodian.net.dimse.AssociationChannel;
import dev.custodian.net.dimse.DimseSession;
import dev.custodian.net.dimse.RequestContext;
import dev.custodian.net.dimse.Status;
import dev.custodian.net.pdu.PduLimits;
import dev.custodian.net.service.DicomServerConfig;
import dev.custodian.net.service.ServiceDispatcher;
import dev.custodian.net.service.ServiceRegistry;
import dev.custodian.net.service.StorageSopClasses;
import dev.custodian.net.transport.AcceptorConfig;
import dev.custodian.net.transport.DicomAcceptor;
import dev.custodian.net.ul.Association;
import dev.custodian.net.ul.AssociationSettings;
import dev.custodian.net.ul.SupportedSyntaxes;
import dev.custodian.server.config.CustodianConfig;
import dev.custodian.server.index.Ingest;
import dev.custodian.server.index.Modalities;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archive's DICOM listener on {@code DicomPort}: Verification and Storage SCP (PS3.4 Annexes
 * A, B) for every standard storage SOP class and transfer syntax, under {@link AssociationRules}.
 * Like Orthanc it listens on all interfaces ({@code RemoteAccessAllowed} concerns HTTP only); at
 * most {@code DicomMaximumAssociations} at once, PDUs up to {@code MaximumPduLength}, an
 * association idle for {@code DicomScpTimeout} seconds is aborted (0 = never). One log line
 * when an association opens and one when it closes, with its counts.
 */
public final class ArchiveScp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveScp.class);
    /** Where the data set of a request waits at most this long when the SCP timeout is 0. */
    private static final Duration DEFAULT_DIMSE_TIMEOUT = Duration.ofMinutes(10);

    private final DicomAcceptor acceptor;
    private final Map<DimseSession, AssociationCounters> counters = new ConcurrentHashMap<>();

    private ArchiveScp(CustodianConfig config, String bindAddress, Modalities modalities, Ingest ingest, Clock clock,
                       DicomThreads threads) throws IOException {
        ServiceRegistry registry = ServiceRegistry.builder()
                .echo(Uid.Verification, (ctx, rq) -> {
                    counters(ctx).echoed();
                    return Status.SUCCESS;
                })
                .store(new StoreScp(ingest, clock, this::counters), StorageSopClasses.standard())
                .build();
        SupportedSyntaxes syntaxes = syntaxes(registry);
        AssociationRules rules = new AssociationRules(config, modalities::all, syntaxes);
        ServiceDispatcher dispatcher = new ServiceDispatcher(registry);
        Duration timeout = config.dicomScpTimeoutSeconds() == 0 ? DEFAULT_DIMSE_TIMEOUT
                : Duration.ofSeconds(config.dicomScpTimeoutSeconds());
        AcceptorConfig acceptorConfig = new AcceptorConfig(bindAddress, config.dicomPort(),
                config.dicomMaximumAssociations(), settings(config), null);
        this.acceptor = DicomAcceptor.start(acceptorConfig, rules, association -> {
            DimseSession session = new DimseSession(new AssociationChannel(association), dispatcher, timeout,
                    threads.workers());
            AssociationCounters count = new AssociationCounters(AssociationRules.hostOf(association.remoteAddress()),
                    System.nanoTime());
            counters.put(session, count);
            LOG.info("association from {} ({}) to {} opened", association.remoteAeTitle(),
                    association.remoteAddress(), association.localAeTitle());
            association.addCloseListener((a, reason) -> {
                counters.remove(session);
                session.onClosed(new IOException("Association with " + a.remoteAeTitle() + " ended: " + reason));
                LOG.info("association from {} ({}) closed ({}): {}", a.remoteAeTitle(), a.remoteAddress(), reason,
                        count.summary(System.nanoTime()));
            });
            return (a, contextId, command) -> session.onCommand(contextId, command);
        }, threads.runtime(), threads.forServer().acceptThreads());
    }

    /** Binds {@code DicomPort} on all interfaces and starts accepting. */
    public static ArchiveScp start(CustodianConfig config, Modalities modalities, Ingest ingest, Clock clock,
                                   DicomThreads threads) throws IOException {
        return start(config, "0.0.0.0", modalities, ingest, clock, threads);
    }

    /** The same on {@code bindAddress} (tests: 127.0.0.1). */
    public static ArchiveScp start(CustodianConfig config, String bindAddress, Modalities modalities, Ingest ingest,
                                   Clock clock, DicomThreads threads) throws IOException {
        return new ArchiveScp(config, bindAddress, modalities, ingest, clock, threads);
    }

    public int port() {
        return acceptor.port();
    }

    /** Stops accepting; waits up to {@code grace} for open associations, then aborts them. */
    public void close(Duration grace) {
        acceptor.close(grace);
    }

    @Override
    public void close() {
        acceptor.close();
    }

    private AssociationCounters counters(RequestContext ctx) {
        AssociationCounters c = counters.get(ctx.session());
        return c != null ? c : new AssociationCounters("", System.nanoTime());
    }

    /** {@code MaximumPduLength} is what we announce and the largest we send; idle timeout = SCP timeout. */
    static AssociationSettings settings(CustodianConfig config) {
        AssociationSettings d = AssociationSettings.DEFAULT;
        Duration idle = Duration.ofSeconds(config.dicomScpTimeoutSeconds());
        return new AssociationSettings(new PduLimits(config.maximumPduLength(), d.limits().maxAssociateLength(),
                d.limits().maxItems()), d.artimTimeout(), idle, d.maxCommandLength(), config.maximumPduLength(),
                d.implementationClassUid(), d.implementationVersionName());
    }

    private static SupportedSyntaxes syntaxes(ServiceRegistry registry) {
        SupportedSyntaxes.Builder b = SupportedSyntaxes.builder();
        registry.abstractSyntaxes().forEach((sopClass, roles) -> b.add(sopClass,
                registry.store(sopClass).isPresent() ? DicomServerConfig.DEFAULT_STORAGE_TRANSFER_SYNTAXES
                        : DicomServerConfig.DEFAULT_OTHER_TRANSFER_SYNTAXES));
        return b.build();
    }
}
