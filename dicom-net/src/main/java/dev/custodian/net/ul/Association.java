package dev.custodian.net.ul;

import dev.custodian.net.pdu.AAbort;
import dev.custodian.net.pdu.AAssociateAc;
import dev.custodian.net.pdu.AAssociateRq;
import dev.custodian.net.pdu.PduReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One DICOM association, requested or accepted: the seam the DIMSE layer builds on. PS3.8 §7, §9.
 *
 * <p><b>Threads.</b> Each association has one reader thread (made by
 * {@link AssociationRuntime#readerThreads()}) that reads PDUs, runs the {@link StateMachine} and
 * delivers incoming messages to the {@link MessageListener} — on both sides, so a request (e.g. a
 * Storage Commitment N-EVENT-REPORT) can arrive on an association we requested.
 * {@link #send} may be called from any thread: each PDU is written whole under a write lock, and a
 * whole message (command and data set) is sent under a message lock, so the PDVs of two messages
 * never interleave (some peers cannot reassemble interleaved messages even on different contexts).
 *
 * <p><b>Release.</b> An A-RELEASE-RQ from the peer is answered automatically once the message being
 * sent (if any) is complete; DICOM has no negative release response.
 */
public final class Association {

    final Connection connection;
    final AssociationSettings settings;
    final boolean requestor;
    final StateMachine machine;
    final ArtimTimer artim;
    final PduReader pduReader;
    final AssociationWriter writer;
    final CompletableFuture<Void> established = new CompletableFuture<>();
    final Negotiated negotiated;
    private final CloseRecord ending = new CloseRecord();
    final ReleaseProcedure release = new ReleaseProcedure(this);
    private final AssociationRuntime runtime;
    volatile MessageListener listener;
    volatile Thread readerThread;
    private volatile AssociationReader reader;

    Association(Connection connection, AssociationSettings settings, AssociationRuntime runtime, boolean requestor) {
        this.connection = connection;
        this.settings = settings;
        this.runtime = runtime;
        this.requestor = requestor;
        this.negotiated = new Negotiated(requestor);
        this.pduReader = new PduReader(settings.limits());
        this.writer = new AssociationWriter(connection, settings, this::dataTransferAllowed, this::notOpen);
        MachinePort port = new MachinePort(this);
        this.machine = new StateMachine(new StateTable(), port, requestor, this::name);
        this.artim = new ArtimTimer(runtime.scheduler(), settings.artimTimeout(), port::artimExpired);
    }

    /**
     * Serves a transport connection a peer opened: awaits its A-ASSOCIATE-RQ (under ARTIM), asks
     * the policy, answers, then hands the association to {@code handler}. Returns at once; the
     * work runs on a new reader thread.
     */
    public static Association accept(Connection connection, AssociationSettings settings, AssociationRuntime runtime,
                                     AcceptorPolicy policy, AssociationHandler handler) {
        Association a = new Association(connection, settings, runtime, false);
        AssociationReader reader = new AssociationReader(a, policy, handler);
        a.start(reader);
        return a;
    }

    /**
     * Requests an association on an open transport connection and waits for the answer.
     *
     * @param listener receives requests the peer sends us on this association
     * @throws AssociationRejectedException the peer sent an A-ASSOCIATE-RJ
     * @throws IOException                  no answer within {@code timeout}, abort, or transport failure
     */
    public static Association request(Connection connection, AssociationProposal proposal,
                                      AssociationSettings settings, AssociationRuntime runtime,
                                      MessageListener listener, Duration timeout) throws IOException {
        Association a = new Association(connection, settings, runtime, true);
        a.listener = listener;
        a.negotiated.requested(proposal.toRequest(settings));
        a.machine.handle(Event.EVT1, a.negotiated.request());
        a.machine.handle(Event.EVT2, null);
        a.start(new AssociationReader(a, null, null));
        try {
            a.established.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return a;
        } catch (TimeoutException e) {
            a.abort("no answer to A-ASSOCIATE-RQ within " + timeout);
            throw new IOException("no answer to A-ASSOCIATE-RQ from " + connection.remoteAddress() + " within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            a.abort("interrupted while awaiting A-ASSOCIATE-AC");
            throw new InterruptedIOException("interrupted while awaiting A-ASSOCIATE-AC");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    private void start(AssociationReader reader) {
        this.reader = reader;
        Thread t = runtime.readerThreads().newThread(reader);
        readerThread = t;
        t.start();
    }

    // ---- what was negotiated -------------------------------------------------------------

    public boolean isRequestor() {
        return requestor;
    }

    public String remoteAddress() {
        return connection.remoteAddress();
    }

    /** The A-ASSOCIATE-RQ (ours or the peer's); null before it was received. */
    public AAssociateRq request() {
        return negotiated.request();
    }

    /** The A-ASSOCIATE-AC; null until the association is established. */
    public AAssociateAc acceptance() {
        return negotiated.acceptance();
    }

    public String callingAeTitle() {
        return request().callingAeTitle();
    }

    public String calledAeTitle() {
        return request().calledAeTitle();
    }

    /** The peer's AE title: the calling AE if we accepted, the called AE if we requested. */
    public String remoteAeTitle() {
        return requestor ? calledAeTitle() : callingAeTitle();
    }

    public String localAeTitle() {
        return requestor ? callingAeTitle() : calledAeTitle();
    }

    /** Accepted presentation contexts, in ID order. */
    public List<NegotiatedContext> acceptedContexts() {
        return negotiated.acceptedContexts();
    }

    public Optional<NegotiatedContext> context(int presentationContextId) {
        return negotiated.context(presentationContextId);
    }

    /** Accepted contexts for an abstract syntax (SOP class), in ID order. */
    public List<NegotiatedContext> contextsFor(String abstractSyntax) {
        return acceptedContexts().stream().filter(c -> c.abstractSyntax().equals(abstractSyntax)).toList();
    }

    /** The peer's maximum P-DATA-TF length (PS3.8 Annex D.1); 0 = unlimited. */
    public long peerMaxPduLength() {
        return negotiated.peerUserInformation().maximumLength();
    }

    public Optional<String> peerImplementationClassUid() {
        return negotiated.peerUserInformation().implementationClassUid();
    }

    public Optional<String> peerImplementationVersionName() {
        return negotiated.peerUserInformation().implementationVersionName();
    }

    public State state() {
        return machine.state();
    }

    /** Established and not yet releasing or aborting (Sta6). */
    public boolean isOpen() {
        return machine.state() == State.STA6;
    }

    // ---- receiving -----------------------------------------------------------------------

    /**
     * The data set following the command being delivered, for the {@link MessageListener} to read
     * during its {@code onCommand}, on the reader thread (PS3.8 Annex E). Each read that finds the
     * fragment in hand used up reads PDUs from the peer until the next data fragment of this
     * message, so the listener is paced by the peer and the peer by the listener (TCP backpressure);
     * memory stays bounded by one PDU. Returns -1 after the last fragment. A read throws
     * {@link IOException} when the association ends, is aborted or breaks the protocol first (the
     * association is then already closing). The fragments the listener does not read go to the
     * {@link DataSink} it returns; once it read them all, its return value is ignored.
     *
     * @throws IllegalStateException not on the reader thread during {@code onCommand}
     */
    public InputStream dataSet() {
        AssociationReader r = reader;
        if (r == null) {
            throw new IllegalStateException("association not started");
        }
        return r.dataSet();
    }

    // ---- sending -------------------------------------------------------------------------

    /**
     * Sends one DIMSE message: the command set, then (if {@code data} is not null) the data set,
     * cut into P-DATA-TF PDUs no longer than the peer's maximum length. Blocks until all is
     * written; another thread's message waits meanwhile. If {@code data} fails half-way the message
     * cannot be completed and the association is aborted.
     *
     * @throws IllegalArgumentException the presentation context was not accepted
     * @throws IOException              the association is not (or no longer) established
     */
    public void send(int presentationContextId, byte[] command, DataWriter data) throws IOException {
        if (!negotiated.contextAccepted(presentationContextId)) {
            throw new IllegalArgumentException("presentation context " + presentationContextId + " was not accepted");
        }
        writer.sendMessage(presentationContextId, command, data, peerMaxPduLength(), this::abort);
    }

    private boolean dataTransferAllowed() {
        return machine.permits(Event.EVT9);
    }

    String notOpen() {
        CloseReason r = ending.noted();
        return "association with " + connection.remoteAddress() + " is not open (" + machine.state().label() + ")"
                + (r == null ? "" : ": " + r);
    }

    // ---- ending --------------------------------------------------------------------------

    /**
     * Releases the association (A-RELEASE, PS3.8 §7.2) after any message being sent, and waits
     * for the peer's A-RELEASE-RP. Must not be called from the reader thread (i.e. from a
     * listener callback). If the association is already being released (the peer asked first, or
     * a release collision), waits for that release instead. On timeout the association is aborted.
     *
     * @throws IOException not released within {@code timeout}, or it ended another way
     */
    public void release(Duration timeout) throws IOException {
        release.request(timeout);
    }

    /**
     * Aborts the association (A-ABORT, service-user source, PS3.8 §7.3). Returns at once; the
     * transport closes when the peer closes it or ARTIM expires. {@code why} goes into the log.
     */
    public void abort(String why) {
        abort(CloseReason.Kind.ABORTED_LOCALLY, why, AAbort.byServiceUser());
    }

    void abort(CloseReason.Kind kind, String why, AAbort pdu) {
        note(kind, why, null);
        try {
            machine.handle(Event.EVT15, pdu);
        } catch (IllegalStateException e) {
            connection.close(); // Sta1, Sta2, Sta13: nothing to abort, just drop the transport
        }
    }

    /** Completes when the association has ended and its transport is closed. */
    public CompletableFuture<CloseReason> closeFuture() {
        return ending.future();
    }

    /** Called once when the association ends; at once if it already has. */
    public void addCloseListener(CloseListener l) {
        ending.addListener(this, l);
    }

    // ---- used by the reader --------------------------------------------------------------

    /** How the association ended or is ending, once known. */
    CloseReason noted() {
        return ending.noted();
    }

    void note(CloseReason.Kind kind, String detail, Throwable cause) {
        ending.note(kind, detail, cause);
    }

    String name() {
        AAssociateRq rq = negotiated.request();
        if (rq == null) {
            return "[" + (requestor ? "to " : "from ") + connection.remoteAddress() + "]";
        }
        return "[" + rq.callingAeTitle() + "->" + rq.calledAeTitle() + (requestor ? " to " : " from ")
                + connection.remoteAddress() + "]";
    }

    /** The transport is closed: fails a pending establishment, logs, tells the close listeners. */
    void finish() {
        ending.closed(this, established);
    }
}
