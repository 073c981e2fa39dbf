package dev.custodian.net.service;

import dev.custodian.net.dimse.AssociationChannel;
import dev.custodian.net.dimse.DimseSession;
import dev.custodian.net.transport.DicomAcceptor;
import dev.custodian.net.ul.AcceptorPolicy;
import dev.custodian.net.ul.Association;
import dev.custodian.net.ul.DefaultAcceptorPolicy;
import dev.custodian.net.ul.MessageListener;
import dev.custodian.net.ul.SupportedSyntaxes;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Accepts associations for the services of a {@link ServiceRegistry} (PS3.8 §9.3, PS3.7): the
 * registry's SOP classes are the abstract syntaxes accepted, with the roles it implies; every
 * accepted association gets a {@link DimseSession} whose requests go to one
 * {@link ServiceDispatcher}.
 *
 * <p>Which requests are accepted is an {@link AcceptorPolicy}, given the A-ASSOCIATE-RQ and the
 * peer's address. By default it is {@link #defaultPolicy}: the called AE title must be
 * {@link DicomServerConfig#aeTitle()}, the calling one must satisfy
 * {@link DicomServerConfig#callingAeTitleKnown()}, and contexts are answered from the registry.
 * An application with its own rules passes a policy to {@link Builder#policy}, wrapping
 * {@link #defaultPolicy} or replacing it (building on {@link #supportedSyntaxes}); the DIMSE
 * services, and the limits of {@link DicomServerConfig#acceptor()}, stay the same.
 */
public final class DicomServer implements AutoCloseable {
    private final DicomAcceptor acceptor;
    private final Map<Association, DimseSession> sessions = new ConcurrentHashMap<>();

    private DicomServer(Builder b) throws IOException {
        ServiceDispatcher dispatcher = new ServiceDispatcher(b.registry);
        AcceptorPolicy policy = b.policy != null ? b.policy : defaultPolicy(b.config, b.registry);
        SessionListener listener = b.listener;
        this.acceptor = DicomAcceptor.start(b.config.acceptor(), policy, association -> {
            DimseSession session = new DimseSession(new AssociationChannel(association), dispatcher,
                    b.config.dimseTimeout());
            sessions.put(association, session);
            association.addCloseListener((a, reason) -> {
                sessions.remove(a);
                session.onClosed(new AssociationEndedException("Association with " + a.remoteAeTitle()
                        + " ended: " + reason, reason));
                listener.closed(a, session, reason);
            });
            listener.opened(association, session);
            return listener(session);
        }, b.threads.association(), b.threads.acceptThreads());
    }

    /** Binds and starts accepting under {@link #defaultPolicy}. */
    public static DicomServer start(DicomServerConfig config, ServiceRegistry registry, DimseThreads threads)
            throws IOException {
        return builder(config, registry, threads).start();
    }

    /** A server for {@code registry} whose acceptor policy and session listener may be chosen. */
    public static Builder builder(DicomServerConfig config, ServiceRegistry registry, DimseThreads threads) {
        return new Builder(config, registry, threads);
    }

    /**
     * The policy of a server without one of its own (PS3.8 §9.3.4): a called AE title other than
     * {@code config.aeTitle()} is rejected-permanent, service-user, called-AE-title-not-recognized;
     * a calling AE title that {@code config.callingAeTitleKnown()} refuses is
     * calling-AE-title-not-recognized; each presentation context is answered from
     * {@link #supportedSyntaxes}.
     */
    public static AcceptorPolicy defaultPolicy(DicomServerConfig config, ServiceRegistry registry) {
        return new DefaultAcceptorPolicy(Set.of(config.aeTitle()), config.callingAeTitleKnown(),
                supportedSyntaxes(config, registry));
    }

    /**
     * The registry's SOP classes with the configured transfer syntaxes (storage ones for SOP
     * classes with a C-STORE service), chosen by the configured
     * {@link DicomServerConfig#transferSyntaxSelection()}, and the SCP role granted to requestors
     * where the registry takes the SCU role (PS3.7 §D.3.3.4).
     */
    public static SupportedSyntaxes supportedSyntaxes(DicomServerConfig config, ServiceRegistry registry) {
        SupportedSyntaxes.Builder b = SupportedSyntaxes.builder().selection(config.transferSyntaxSelection());
        registry.abstractSyntaxes().forEach((sopClass, roles) -> {
            b.add(sopClass, registry.store(sopClass).isPresent() ? config.storageTransferSyntaxes()
                    : config.otherTransferSyntaxes());
            if (roles.scu()) {
                b.allowRequestorScp(sopClass);
            }
        });
        return b.build();
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

    /** Chooses the acceptor policy and the session listener, then {@link #start()}s the server. */
    public static final class Builder {
        private final DicomServerConfig config;
        private final ServiceRegistry registry;
        private final DimseThreads threads;
        private AcceptorPolicy policy;
        private SessionListener listener = SessionListener.NONE;

        private Builder(DicomServerConfig config, ServiceRegistry registry, DimseThreads threads) {
            this.config = Objects.requireNonNull(config, "config");
            this.registry = Objects.requireNonNull(registry, "registry");
            this.threads = Objects.requireNonNull(threads, "threads");
        }

        /**
         * Decides on every association request in place of {@link #defaultPolicy} (which it may
         * wrap). Called on the association's reader thread with the peer's address; must not
         * block for long. It should accept only abstract syntaxes the registry has services for:
         * a request on any other is answered 0122 (SOP Class Not Supported).
         */
        public Builder policy(AcceptorPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Told when each association opens and ends. */
        public Builder sessionListener(SessionListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Binds and starts accepting. */
        public DicomServer start() throws IOException {
            return new DicomServer(this);
        }
    }
}
