package dev.custodian.net.transport;

import dev.custodian.net.ul.AcceptorDecision;
import dev.custodian.net.ul.AcceptorPolicy;
import dev.custodian.net.ul.Association;
import dev.custodian.net.ul.AssociationHandler;
import dev.custodian.net.ul.AssociationRuntime;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens for DICOM connections (TCP or TLS) and serves each with an {@link Association} on its
 * own reader thread. Enforces the maximum number of concurrent associations; {@link #close}
 * stops accepting, lets in-flight associations finish for a while, then aborts the rest.
 */
public final class DicomAcceptor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DicomAcceptor.class);

    private final AcceptorConfig config;
    private final AcceptorPolicy policy;
    private final AssociationHandler handler;
    private final AssociationRuntime runtime;
    private final ServerSocket server;
    private final Thread acceptThread;
    private final AtomicInteger connections = new AtomicInteger();
    private final Map<Association, SocketConnection> live = new ConcurrentHashMap<>();
    private volatile boolean closing;

    private DicomAcceptor(AcceptorConfig config, AcceptorPolicy policy, AssociationHandler handler,
                          AssociationRuntime runtime, ServerSocket server, ThreadFactory acceptThreads) {
        this.config = config;
        this.policy = policy;
        this.handler = handler;
        this.runtime = runtime;
        this.server = server;
        this.acceptThread = acceptThreads.newThread(this::acceptLoop);
    }

    /**
     * Binds and starts accepting.
     *
     * @param acceptThreads makes the one thread that accepts connections
     */
    public static DicomAcceptor start(AcceptorConfig config, AcceptorPolicy policy, AssociationHandler handler,
                                      AssociationRuntime runtime, ThreadFactory acceptThreads) throws IOException {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(handler, "handler");
        ServerSocket server = open(config);
        DicomAcceptor acceptor = new DicomAcceptor(config, policy, handler, runtime, server, acceptThreads);
        acceptor.acceptThread.start();
        LOG.info("DICOM acceptor listening on {}:{}{} (max {} associations)", config.bindAddress(), acceptor.port(),
                config.tls() == null ? "" : " with TLS", config.maxAssociations());
        return acceptor;
    }

    private static ServerSocket open(AcceptorConfig config) throws IOException {
        ServerSocket server;
        if (config.tls() != null) {
            SSLContext ctx = TlsContexts.create(config.tls());
            SSLServerSocket s = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket();
            s.setSSLParameters(TlsContexts.parameters(ctx, config.tls(), true));
            server = s;
        } else {
            server = new ServerSocket();
        }
        try {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getByName(config.bindAddress()), config.port()), 128);
        } catch (IOException e) {
            server.close();
            throw new IOException("cannot listen on " + config.bindAddress() + ":" + config.port() + ": "
                    + e.getMessage(), e);
        }
        return server;
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return server.getLocalPort();
    }

    /** Connections being served now (associations and connections still negotiating or being rejected). */
    public int openConnections() {
        return connections.get();
    }

    /** Associations currently open or closing. */
    public List<Association> associations() {
        return List.copyOf(live.keySet());
    }

    private void acceptLoop() {
        while (!closing) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!closing) {
                    LOG.error("accepting on port {} failed, acceptor stops", port(), e);
                }
                return;
            }
            try {
                serve(socket);
            } catch (IOException | RuntimeException e) {
                LOG.warn("connection from {} dropped: {}", socket.getRemoteSocketAddress(), e.toString());
                closeQuietly(socket);
            }
        }
    }

    private void serve(Socket socket) throws IOException {
        int n = connections.incrementAndGet();
        if (n > config.maxConnections()) {
            connections.decrementAndGet();
            LOG.warn("connection from {} closed at once: {} connections already open", socket.getRemoteSocketAddress(),
                    n - 1);
            closeQuietly(socket);
            return;
        }
        try {
            SocketConnection connection = new SocketConnection(socket);
            AcceptorPolicy p = n > config.maxAssociations()
                    ? (rq, addr) -> AcceptorDecision.localLimitExceeded() : policy;
            Association association = Association.accept(connection, config.settings(), runtime, p, handler);
            live.put(association, connection);
            association.addCloseListener((a, reason) -> {
                live.remove(a);
                connections.decrementAndGet();
            });
        } catch (IOException | RuntimeException e) {
            connections.decrementAndGet();
            throw e;
        }
    }

    /** Stops accepting, waits up to 5 s for open associations, then aborts them. */
    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }

    /**
     * Stops accepting; waits up to {@code grace} for open associations to end by themselves, aborts
     * those still open, and closes their connections if they have not ended shortly after.
     */
    public void close(Duration grace) {
        if (closing) {
            return;
        }
        closing = true;
        closeQuietly(server);
        long deadline = System.nanoTime() + grace.toNanos();
        awaitAll(deadline);
        for (Association a : live.keySet()) {
            a.abort("acceptor shutting down");
        }
        awaitAll(System.nanoTime() + TimeUnit.SECONDS.toNanos(2));
        live.values().forEach(SocketConnection::close);
        awaitAll(System.nanoTime() + TimeUnit.SECONDS.toNanos(2));
        try {
            acceptThread.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("DICOM acceptor on port {} closed ({} associations left)", port(), live.size());
    }

    private void awaitAll(long deadlineNanos) {
        for (Association a : live.keySet()) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                a.closeFuture().get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // closing: nothing left to do
        }
    }
}
