package dev.custodian.net.service;

import dev.custodian.net.dimse.AssociationChannel;
import dev.custodian.net.dimse.DimseSession;
import dev.custodian.net.transport.DicomAcceptor;
import dev.custodian.net.ul.Association;
import dev.custodian.net.ul.DefaultAcceptorPolicy;
import dev.custodian.net.ul.MessageListener;
import dev.custodian.net.ul.SupportedSyntaxes;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Accepts associations for the services of a {@link ServiceRegistry} (PS3.8 §9.3, PS3.7): the
 * registry's SOP classes are the abstract syntaxes accepted, with the roles it implies; every
 * accepted association gets a {@link DimseSession} whose requests go to one
 * {@link ServiceDispatcher}.
 */
public final class DicomServer implements AutoCloseable {
    private final DicomAcceptor acceptor;
    private final Map<Association, DimseSession> sessions = new ConcurrentHashMap<>();

    private DicomServer(DicomServerConfig config, ServiceRegistry registry, DimseThreads threads) throws IOException {
        ServiceDispatcher dispatcher = new ServiceDispatcher(registry);
        DefaultAcceptorPolicy policy = new DefaultAcceptorPolicy(Set.of(config.aeTitle()),
                config.callingAeTitleKnown(), syntaxes(config, registry));
        this.acceptor = DicomAcceptor.start(config.acceptor(), policy, association -> {
            DimseSession session = new DimseSession(new AssociationChannel(association), dispatcher,
                    config.dimseTimeout());
            sessions.put(association, session);
            association.addCloseListener((a, reason) -> {
                sessions.remove(a);
                session.onClosed(new IOException("Association with " + a.remoteAeTitle() + " ended: " + reason));
            });
            return listener(session);
        }, threads.association(), threads.acceptThreads());
    }

    /** Binds and starts accepting. */
    public static DicomServer start(DicomServerConfig config, ServiceRegistry registry, DimseThreads threads)
            throws IOException {
        return new DicomServer(config, registry, threads);
    }

    /** The port bound (useful with port 0). */
    public int port() {
        return acceptor.port();
    }

    /**
     * The DIMSE sessions of the associations open now, e.g. to send a Storage Commitment
     * N-EVENT-REPORT on the association the request came on.
     */
    public List<DimseSession> sessions() {
        return List.copyOf(sessions.values());
    }

    /**
     * SCU operations on the open associations whose peer is {@code remoteAet}, e.g. to deliver a
     * Storage Commitment N-EVENT-REPORT on the association the N-ACTION came on (PS3.4 §J.3.3).
     * Do not release or close these: the requestor ends the association.
     */
    public List<DicomConnection> connectionsTo(String remoteAet) {
        return sessions.values().stream().filter(s -> s.channel().remoteAet().equals(remoteAet))
                .map(DicomConnection::new).toList();
    }

    /** Stops accepting; waits up to {@code grace} for open associations, then aborts them. */
    public void close(Duration grace) {
        acceptor.close(grace);
    }

    @Override
    public void close() {
        acceptor.close();
    }

    static MessageListener listener(DimseSession session) {
        return (association, contextId, command) -> session.onCommand(contextId, command);
    }

    /** The registry's SOP classes with the configured transfer syntaxes and the roles they imply. */
    static SupportedSyntaxes syntaxes(DicomServerConfig config, ServiceRegistry registry) {
        SupportedSyntaxes.Builder b = SupportedSyntaxes.builder();
        registry.abstractSyntaxes().forEach((sopClass, roles) -> {
            b.add(sopClass, registry.store(sopClass).isPresent() ? config.storageTransferSyntaxes()
                    : config.otherTransferSyntaxes());
            if (roles.scu()) {
                b.allowRequestorScp(sopClass);
            }
        });
        return b.build();
    }
}
