package dev.custodian.net.service;

import dev.custodian.net.dimse.AssociationChannel;
import dev.custodian.net.dimse.DimseSession;
import dev.custodian.net.transport.DicomRequestor;
import dev.custodian.net.transport.RequestorConfig;
import dev.custodian.net.ul.Association;
import dev.custodian.net.ul.AssociationProposal;
import dev.custodian.net.ul.AssociationRuntime;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Opens associations to remote AEs (PS3.8 §7.1) for SCU operations, as {@link DicomConnection}s.
 * Requests the remote sends back on such an association (e.g. a Storage Commitment
 * N-EVENT-REPORT) are served by the {@link ServiceRegistry} given here.
 */
public final class DicomClient {
    private final String callingAet;
    private final DicomRequestor requestor;
    private final Duration dimseTimeout;
    private final ServiceDispatcher dispatcher;

    /**
     * @param callingAet   our AE title
     * @param config       settings (max PDU, timeouts) and TLS of the associations
     * @param dimseTimeout how long to wait for each response
     * @param incoming     services for requests the remote sends on our associations (performed on
     *                     the association's reader thread)
     */
    public DicomClient(String callingAet, RequestorConfig config, Duration dimseTimeout, ServiceRegistry incoming,
                       AssociationRuntime runtime) throws IOException {
        if (callingAet == null || callingAet.isBlank() || dimseTimeout == null || incoming == null) {
            throw new IllegalArgumentException("calling AE title, DIMSE timeout and registry are required");
        }
        this.callingAet = callingAet;
        this.requestor = new DicomRequestor(config, runtime);
        this.dimseTimeout = dimseTimeout;
        this.dispatcher = new ServiceDispatcher(incoming);
    }

    /** A proposal from our AE title to {@code calledAet}; add contexts (and roles) to it. */
    public AssociationProposal.Builder propose(String calledAet) {
        return AssociationProposal.builder(callingAet, calledAet);
    }

    /**
     * Connects to {@code host:port} and requests the association.
     *
     * @throws dev.custodian.net.ul.AssociationRejectedException the remote rejected it
     * @throws IOException connection, TLS or negotiation failure or timeout
     */
    public DicomConnection connect(String host, int port, AssociationProposal proposal) throws IOException {
        // The listener exists before the association does (a request may follow the AC at once):
        // it waits for the session made right after the association is established.
        CompletableFuture<DimseSession> session = new CompletableFuture<>();
        Association association = requestor.connect(host, port, proposal, (a, contextId, command) ->
                await(session).onCommand(contextId, command));
        DimseSession s = new DimseSession(new AssociationChannel(association), dispatcher, dimseTimeout);
        association.addCloseListener((a, reason) ->
                s.onClosed(new AssociationEndedException("Association with " + a.remoteAeTitle() + " ended: "
                        + reason, reason)));
        session.complete(s);
        return new DicomConnection(s);
    }

    private DimseSession await(CompletableFuture<DimseSession> session) throws IOException {
        try {
            return session.get(dimseTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted before the session was ready");
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("DIMSE session not ready: " + e, e);
        }
    }
}
